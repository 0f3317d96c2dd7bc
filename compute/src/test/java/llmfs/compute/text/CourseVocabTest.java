package llmfs.compute.text;

import llmfs.compute.data.Corpora;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CourseVocabTest {
    @Test
    void shakespearesCharactersComeFirstWithPartTwosIds() {
        CharVocab part2 = CharVocab.ofText(Corpora.locate().text("tinyshakespeare.txt"));
        assertEquals(part2.chars(), CourseVocab.shakespeare().chars());
        assertEquals(part2.chars(), CourseVocab.full().chars().substring(0, CourseVocab.SHAKESPEARE_SIZE));
    }

    @Test
    void holdsAllPrintableAsciiNewlineAndTheEndMarkerOnce() {
        CharVocab v = CourseVocab.full();
        for (char c = ' '; c <= '~'; c++) assertTrue(v.contains(c), "missing " + c);
        assertTrue(v.contains('\n'));
        assertEquals(97, v.size());
        assertEquals(CourseVocab.END, v.ch(CourseVocab.endId()));
    }

    @Test
    void normalizeMakesTypedTextEncodable() {
        String typed = "a\tb\r\nc\rd é" + CourseVocab.END;
        String n = CourseVocab.normalize(typed);
        assertEquals("a    b\nc\nd ??", n);
        CourseVocab.full().encode(n); // throws if anything is left outside the vocabulary
    }
}
