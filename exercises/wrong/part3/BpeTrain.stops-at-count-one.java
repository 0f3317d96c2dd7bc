import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exercise 3.3 — training BPE.
 *
 * Start with the text as a list of one-character strings. Then, `merges` times:
 *   1. count the pairs of neighbours (counts, from exercise 3.1 — solved below);
 *   2. take the most frequent pair; when several share the highest count, take the one that occurs FIRST in the
 *      token list (it comes first in the counts map, which keeps first-occurrence order);
 *   3. record it, and merge it everywhere (merge, from exercise 3.2 — solved below).
 * Stop early if the text has shrunk to a single token and no pair is left.
 *
 * On all of Tiny Shakespeare the first pair learned is ("e", " "): an e followed by a space, 27,643 times.
 */
public final class BpeTrain {

    /** The pairs learned, in the order they were learned: each is List.of(left, right). */
    public static List<List<String>> train(String text, int merges) {
        List<String> tokens = new ArrayList<>();
        for (char c : text.toCharArray()) tokens.add(String.valueOf(c));
        List<List<String>> learned = new ArrayList<>();
        for (int step = 0; step < merges; step++) {
            Map<List<String>, Integer> counts = counts(tokens);
            if (counts.isEmpty()) break; // a single token left: nothing to merge
            List<String> best = null;
            int bestCount = 0;
            for (Map.Entry<List<String>, Integer> e : counts.entrySet()) {
                if (e.getValue() > bestCount) { // strictly greater: on a tie the earlier pair stays
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            if (bestCount < 2) break; // a pair seen once is not worth a token
            learned.add(best);
            tokens = merge(tokens, best.get(0), best.get(1));
        }
        return learned;
    }

    /** How often each pair of neighbours occurs, in order of first occurrence (exercise 3.1). */
    static Map<List<String>, Integer> counts(List<String> tokens) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            counts.merge(List.of(tokens.get(i), tokens.get(i + 1)), 1, Integer::sum);
        }
        return counts;
    }

    /** A new list with each (left, right) pair replaced by left + right, left to right (exercise 3.2). */
    static List<String> merge(List<String> tokens, String left, String right) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (i + 1 < tokens.size() && tokens.get(i).equals(left) && tokens.get(i + 1).equals(right)) {
                out.add(left + right);
                i += 2;
            } else {
                out.add(tokens.get(i));
                i += 1;
            }
        }
        return out;
    }
}
