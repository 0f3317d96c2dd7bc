package llmfs.compute.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SplitTest {
    private static final List<Integer> ITEMS = IntStream.range(0, 1000).boxed().toList();

    @Test
    void partsAreDisjointCompleteAndSizedByTheFraction() {
        Split<Integer> s = Split.of(ITEMS, 0.1, 42);
        assertEquals(100, s.val().size());
        assertEquals(900, s.train().size());
        Set<Integer> train = new HashSet<>(s.train());
        for (Integer v : s.val()) assertTrue(!train.contains(v), "leaked: " + v);
        List<Integer> union = new ArrayList<>(s.train());
        union.addAll(s.val());
        Collections.sort(union);
        assertEquals(ITEMS, union);
    }

    @Test
    void eachPartKeepsInputOrder() {
        Split<Integer> s = Split.of(ITEMS, 0.25, 7);
        List<Integer> sortedVal = new ArrayList<>(s.val());
        Collections.sort(sortedVal);
        assertEquals(sortedVal, s.val());
        List<Integer> sortedTrain = new ArrayList<>(s.train());
        Collections.sort(sortedTrain);
        assertEquals(sortedTrain, s.train());
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        Split<Integer> a = Split.of(ITEMS, 0.1, 42);
        Split<Integer> b = Split.of(ITEMS, 0.1, 42);
        Split<Integer> c = Split.of(ITEMS, 0.1, 43);
        assertEquals(a.val(), b.val());
        assertEquals(a.train(), b.train());
        assertNotEquals(a.val(), c.val());
    }

    @Test
    void validationIsNotJustTheTail() {
        // A seeded random choice spreads over the whole list; a tail cut would start at 900.
        Split<Integer> s = Split.of(ITEMS, 0.1, 1);
        assertTrue(s.val().get(0) < 500, s.val().toString());
    }

    @Test
    void courseNamesSplitWithoutSharingAName() {
        List<String> names = Names.indian(Corpora.locate());
        Split<String> s = Split.of(names, 0.1, 42);
        assertEquals(618, s.val().size()); // round(6184 * 0.1)
        assertEquals(5_566, s.train().size());
        Set<String> train = new HashSet<>(s.train());
        assertTrue(s.val().stream().noneMatch(train::contains));
    }

    @Test
    void edgeFractions() {
        assertEquals(0, Split.of(ITEMS, 0.0, 1).val().size());
        assertEquals(List.of(), Split.of(List.<String>of(), 0.5, 1).train());
        assertThrows(IllegalArgumentException.class, () -> Split.of(ITEMS, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> Split.of(ITEMS, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> Split.of(ITEMS, Double.NaN, 1));
    }

    @Test
    void partsAreReadOnly() {
        Split<Integer> s = Split.of(ITEMS, 0.1, 1);
        assertThrows(UnsupportedOperationException.class, () -> s.train().add(5));
    }
}
