import java.util.ArrayList;
import java.util.List;

/**
 * Exercise 3.4 — encoding with learned merges.
 *
 * To split new text into tokens, replay training: start from single characters and apply every learned merge,
 * one after the other, in the order it was learned. Order matters, because later merges are built from earlier
 * ones: with merges [(l,o), (lo,w)], "low" becomes [lo, w] and then [low]; applied the other way round,
 * (lo, w) would find no "lo" yet and "low" would end as [lo, w].
 *
 * Characters that never appeared in training simply stay single-character tokens.
 */
public final class BpeEncode {

    /** The tokens of {@code text}: its characters, with every merge applied in learned order. */
    public static List<String> encode(String text, List<List<String>> merges) {
        List<String> tokens = new ArrayList<>();
        for (char c : text.toCharArray()) tokens.add(String.valueOf(c));
        for (List<String> pair : merges) {
            List<String> next = merge(tokens, pair.get(0), pair.get(1));
            if (next.size() == tokens.size()) break; // nothing merged: later merges cannot apply either
            tokens = next;
        }
        return tokens;
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
