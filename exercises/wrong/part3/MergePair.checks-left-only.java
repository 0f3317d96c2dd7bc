import java.util.ArrayList;
import java.util.List;

/**
 * Exercise 3.2 — merging one pair.
 *
 * Once BPE has chosen a pair, every occurrence of it becomes one token: the two strings joined. Scan from the left;
 * where tokens[i] and tokens[i + 1] are the pair, emit left + right and jump past both; otherwise emit tokens[i]
 * and move on by one. Because a merged token is skipped, occurrences never overlap:
 *
 *   merge([l, o, w, ␣, l, o, w], "l", "o")  ->  [lo, w, ␣, lo, w]
 *   merge([a, a, a], "a", "a")              ->  [aa, a]        (not [aa, aa]: the middle a is used once)
 *
 * Tokens are Strings: compare them with equals(), never with ==.
 */
public final class MergePair {

    /** A new list with each (left, right) neighbour pair replaced by left + right; {@code tokens} is unchanged. */
    public static List<String> merge(List<String> tokens, String left, String right) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (i + 1 < tokens.size() && tokens.get(i).equals(left)) {
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
