package llmfs.compute.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import llmfs.compute.text.CharVocab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NameWindowsTest {
    private static List<String> names;
    private static CharVocab vocab;

    @BeforeAll
    static void load() {
        names = Names.indian(Corpora.locate());
        vocab = CharVocab.ofNames(names);
    }

    /** Row r rendered as "context -> target". */
    private static String row(NameWindows w, CharVocab v, int r) {
        int bs = w.blockSize();
        return v.decode(w.x(), r * bs, (r + 1) * bs) + " -> " + v.ch(w.y()[r]);
    }

    @Test
    void courseNamesGiveTheCoursesWindowCount() {
        NameWindows w = NameWindows.of(names, vocab, 5);
        assertEquals(44_325, w.size());
        assertEquals(44_325 * 5, w.x().length);
        assertEquals(5, w.blockSize());
        // Every name ends with exactly one '.' target.
        int ends = 0;
        for (int t : w.y()) if (t == 0) ends++;
        assertEquals(6_184, ends);
    }

    @Test
    void subinGivesTheCoursesRows() {
        NameWindows w = NameWindows.of(List.of("subin"), vocab, 5);
        List<String> expected = List.of(
                "..... -> s", "....s -> u", "...su -> b", "..sub -> i", ".subi -> n", "subin -> .");
        assertEquals(expected.size(), w.size());
        for (int r = 0; r < expected.size(); r++) assertEquals(expected.get(r), row(w, vocab, r));
    }

    @Test
    void subinRowsAppearInTheFullDatasetAtItsPosition() {
        NameWindows all = NameWindows.of(names, vocab, 5);
        int first = 0;
        for (String n : names) {
            if (n.equals("subin")) break;
            first += n.length() + 1;
        }
        assertEquals("..... -> s", row(all, vocab, first));
        assertEquals("subin -> .", row(all, vocab, first + 5));
    }

    @Test
    void rajAsIdsWithAShortBlock() {
        CharVocab v = CharVocab.ofNames(List.of("raj"));         // . a j r
        NameWindows w = NameWindows.of(List.of("raj", "aj"), v, 2);
        // raj: ..->r .r->a ra->j aj->. ; aj: ..->a .a->j aj->.
        assertArrayEquals(new int[] {0, 0, 0, 3, 3, 1, 1, 2, 0, 0, 0, 1, 1, 2}, w.x());
        assertArrayEquals(new int[] {3, 1, 2, 0, 1, 2, 0}, w.y());
    }

    @Test
    void blockLongerThanTheNameKeepsLeadingMarkers() {
        CharVocab v = CharVocab.ofNames(List.of("ab"));
        NameWindows w = NameWindows.of(List.of("ab"), v, 4);
        assertEquals("...a -> b", row(w, v, 1));
        assertEquals("..ab -> .", row(w, v, 2));
    }

    @Test
    void badInputsAreExplained() {
        assertThrows(IllegalArgumentException.class, () -> NameWindows.of(names, vocab, 0));
        IllegalArgumentException noMarker = assertThrows(IllegalArgumentException.class,
                () -> NameWindows.of(List.of("ab"), CharVocab.ofChars("ab"), 3));
        assertTrue(noMarker.getMessage().contains("ofNames"), noMarker.getMessage());
        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                () -> NameWindows.of(List.of("zoë"), vocab, 3));
        assertTrue(foreign.getMessage().contains("\"zoë\""), foreign.getMessage());
    }
}
