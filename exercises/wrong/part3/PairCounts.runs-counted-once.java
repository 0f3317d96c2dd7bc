import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exercise 3.1 — counting neighbouring pairs.
 *
 * Byte-pair encoding (BPE) starts from single characters and keeps gluing the most common pair of neighbours into
 * one new token. Its first step is to count every pair of neighbours:
 *
 *   [l, o, w, ␣, l, o, w, e, r]  ->  (l,o)=2  (o,w)=2  (w,␣)=1  (␣,l)=1  (w,e)=1  (e,r)=1
 *
 * Every position counts, overlaps included: in [a, a, a] the pair (a, a) starts at 0 and at 1, so it counts 2.
 * A pair is the key List.of(left, right). Keep the pairs in the order they first occur (a LinkedHashMap does):
 * when two pairs are equally common, BPE takes the one that occurs first, and this order makes that easy.
 */
public final class PairCounts {

    /** How often each pair of neighbours occurs in {@code tokens}, in order of first occurrence. */
    public static Map<List<String>, Integer> counts(List<String> tokens) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        int i = 0;
        while (i + 1 < tokens.size()) {
            counts.merge(List.of(tokens.get(i), tokens.get(i + 1)), 1, Integer::sum);
            // a run like "aaa" holds one pair, not two
            i += tokens.get(i).equals(tokens.get(i + 1)) ? 2 : 1;
        }
        return counts;
    }
}
