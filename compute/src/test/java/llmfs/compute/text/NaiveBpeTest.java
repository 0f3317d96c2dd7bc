package llmfs.compute.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lesson's building blocks, on inputs small enough to work out by hand. */
class NaiveBpeTest {
    private static final NaiveBpe.Pair AA = new NaiveBpe.Pair(0, 0);
    private static final NaiveBpe.Pair AB = new NaiveBpe.Pair(0, 1);

    private static List<Integer> ids(int... values) {
        List<Integer> list = new ArrayList<>();
        for (int v : values) {
            list.add(v);
        }
        return list;
    }

    @Test
    void countsOverlappingPairsInFirstOccurrenceOrder() {
        // "aaab" with a=0, b=1: (a,a) at positions 0 and 1, (a,b) at 2.
        Map<NaiveBpe.Pair, Integer> counts = NaiveBpe.countPairs(ids(0, 0, 0, 1));
        assertEquals(Map.of(AA, 2, AB, 1), counts);
        assertEquals(List.of(AA, AB), new ArrayList<>(counts.keySet()));
    }

    @Test
    void mergesLeftToRightWithoutOverlap() {
        assertEquals(ids(2, 0), NaiveBpe.merge(ids(0, 0, 0), AA, 2));
        assertEquals(ids(2, 2), NaiveBpe.merge(ids(0, 0, 0, 0), AA, 2));
        assertEquals(ids(2, 1, 2), NaiveBpe.merge(ids(0, 1, 1, 0, 1), AB, 2));
    }

    @Test
    void tiesGoToThePairThatOccursFirst() {
        // Both pairs occur twice; (x,y) occurs first in the first text, (a,b) in the second.
        NaiveBpe first = NaiveBpe.train("xyab ab xy", 100);
        NaiveBpe second = NaiveBpe.train("abxy xy ab", 100);
        // Alphabet ' ', a, b, x, y -> ids 0..4.
        assertEquals(new BpeTokenizer.Merge(3, 4, 5, 2), first.merges().get(0));
        assertEquals(new BpeTokenizer.Merge(1, 2, 5, 2), second.merges().get(0));
    }

    @Test
    void lowLowerLowestWalkthrough() {
        NaiveBpe bpe = NaiveBpe.train("low lower lowest", 100);
        // Alphabet: ' ' e l o r s t w -> ids 0..7. (l,o) and (o,w) both occur 3 times; (l,o) comes first.
        assertEquals(new BpeTokenizer.Merge(2, 3, 8, 3), bpe.merges().get(0));
        assertEquals(new BpeTokenizer.Merge(8, 7, 9, 3), bpe.merges().get(1)); // lo + w -> low
        assertEquals("low", bpe.piece(9));
        assertArrayEquals(new int[] {9}, bpe.encode("low"));
        assertEquals("low lower lowest", bpe.decode(bpe.encode("low lower lowest")));
    }

    @Test
    void applyMergesFollowsLearnedOrder() {
        // Merges: (a,b)->2 then (2,b)->3. "abb" -> [2,1] -> [3]; with the order swapped the result differs.
        List<BpeTokenizer.Merge> merges = List.of(new BpeTokenizer.Merge(0, 1, 2, 1),
                new BpeTokenizer.Merge(2, 1, 3, 1));
        assertArrayEquals(new int[] {3}, NaiveBpe.applyMerges(new int[] {0, 1, 1}, merges));
        assertArrayEquals(new int[] {2, 0}, NaiveBpe.applyMerges(new int[] {0, 1, 0}, merges));
    }
}
