package llmfs.compute.align;

import llmfs.compute.Tape;
import llmfs.compute.Tensor;
import llmfs.compute.nn.Gpt;
import llmfs.compute.text.CharVocab;
import llmfs.compute.text.CourseVocab;
import llmfs.compute.text.InstructionTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers instructions with the most likely next token each time (greedy, so an evaluation is repeatable), stopping
 * at the end marker. Questions whose prompts have the same length are decoded together in one batch: with absolute
 * positions and no padding mask, only equal lengths can share a batch without changing any answer.
 */
public final class GreedyAnswerer {
    private final Gpt model;
    private final CharVocab vocab;
    private final int maxTokens;

    public GreedyAnswerer(Gpt model, CharVocab vocab, int maxTokens) {
        this.model = model;
        this.vocab = vocab;
        this.maxTokens = maxTokens;
    }

    /** The answers (text before the end marker) in the order of {@code instructions}. */
    public List<String> answer(List<String> instructions) {
        String[] out = new String[instructions.size()];
        Map<Integer, List<Integer>> byLength = new LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            int len = InstructionTemplate.prompt(instructions.get(i)).length();
            byLength.computeIfAbsent(len, k -> new ArrayList<>()).add(i);
        }
        boolean was = model.isTraining();
        model.train(false);
        try (var off = Tape.noGrad()) {
            for (List<Integer> group : byLength.values()) decode(instructions, group, out);
        } finally {
            model.train(was);
        }
        return Arrays.asList(out);
    }

    private void decode(List<String> instructions, List<Integer> group, String[] out) {
        int b = group.size();
        int promptLen = InstructionTemplate.prompt(instructions.get(group.get(0))).length();
        int steps = Math.min(maxTokens, model.cfg.context() - promptLen + 1);
        int total = promptLen + Math.max(0, steps);
        int[][] seq = new int[b][total];
        for (int i = 0; i < b; i++) {
            int[] p = vocab.encode(InstructionTemplate.prompt(instructions.get(group.get(i))));
            System.arraycopy(p, 0, seq[i], 0, promptLen);
        }
        int[] produced = new int[b];
        boolean[] done = new boolean[b];
        int end = CourseVocab.endId();
        int t = promptLen;
        for (int s = 0; s < steps; s++) {
            int[] ids = new int[b * t];
            for (int i = 0; i < b; i++) System.arraycopy(seq[i], 0, ids, i * t, t);
            Tensor logits = model.forward(ids, b, t);
            float[] v = logits.toArray();
            int vocabSize = model.cfg.vocab();
            boolean all = true;
            for (int i = 0; i < b; i++) {
                if (done[i]) continue;
                int off = (i * t + t - 1) * vocabSize, best = 0;
                for (int c = 1; c < vocabSize; c++) if (v[off + c] > v[off + best]) best = c;
                seq[i][t] = best;
                produced[i]++;
                if (best == end) done[i] = true;
                else all = false;
            }
            t++;
            if (all || t > model.cfg.context()) break;
        }
        for (int i = 0; i < b; i++) {
            out[group.get(i)] = InstructionTemplate.answer(vocab.decode(seq[i], promptLen, promptLen + produced[i]));
        }
    }
}
