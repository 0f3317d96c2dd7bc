package llmfs.compute.align;

import llmfs.compute.data.AlignmentData;
import llmfs.compute.data.InstructionPair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact-match accuracy per category: the greedy answer, cut at the end marker, must equal the reference response
 * character for character (surrounding spaces ignored). Strict on purpose: "Paris" for "The capital of France is
 * Paris." is counted wrong, because format is what SFT is meant to teach.
 */
public final class ExactMatch {
    private ExactMatch() {}

    /** One category's result, with a few misses to show. */
    public record Score(String category, int correct, int total, List<String> misses) {
        public double accuracy() {
            return total == 0 ? 0 : (double) correct / total;
        }
    }

    public static boolean matches(String answer, String expected) {
        return answer.strip().equals(expected.strip());
    }

    /** Scores per category (in {@link AlignmentData#CATEGORIES} order, categories without pairs left out). */
    public static List<Score> score(GreedyAnswerer answerer, List<InstructionPair> pairs) {
        List<String> answers = answerer.answer(pairs.stream().map(InstructionPair::instruction).toList());
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, List<String>> misses = new LinkedHashMap<>();
        for (String c : AlignmentData.CATEGORIES) {
            counts.put(c, new int[2]);
            misses.put(c, new ArrayList<>());
        }
        for (int i = 0; i < pairs.size(); i++) {
            InstructionPair p = pairs.get(i);
            int[] c = counts.get(p.category());
            c[1]++;
            if (matches(answers.get(i), p.response())) c[0]++;
            else if (misses.get(p.category()).size() < 3) {
                misses.get(p.category()).add(p.instruction() + " -> " + answers.get(i).strip());
            }
        }
        List<Score> out = new ArrayList<>();
        counts.forEach((cat, c) -> {
            if (c[1] > 0) out.add(new Score(cat, c[0], c[1], misses.get(cat)));
        });
        return out;
    }
}
