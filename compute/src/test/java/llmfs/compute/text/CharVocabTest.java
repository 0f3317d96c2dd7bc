package llmfs.compute.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import llmfs.compute.data.Corpora;
import llmfs.compute.data.Names;
import org.junit.jupiter.api.Test;

class CharVocabTest {
    private static final String SHAKESPEARE_CHARS =
            "\n !$&',-.3:;?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Test
    void shakespeareVocabularyIsTheCourses65Characters() {
        CharVocab v = CharVocab.ofText(Corpora.locate().text("tinyshakespeare.txt"));
        assertEquals(65, v.size());
        assertEquals(SHAKESPEARE_CHARS, v.chars());
        assertEquals(0, v.id('\n'));
        assertEquals(1, v.id(' '));
        assertEquals(13, v.id('A'));
        assertEquals(64, v.id('z'));
    }

    @Test
    void namesVocabularyHasTheMarkerFirstThenTheLetters() {
        CharVocab v = CharVocab.ofNames(Names.indian(Corpora.locate()));
        assertEquals(27, v.size());
        assertEquals(".abcdefghijklmnopqrstuvwxyz", v.chars());
        assertEquals(0, v.id('.'));
        assertEquals(1, v.id('a'));
        assertEquals(26, v.id('z'));
    }

    @Test
    void ofNamesOnlyHoldsLettersThatOccur() {
        CharVocab v = CharVocab.ofNames(List.of("raj", "ravi"));
        assertEquals(".aijrv", v.chars());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CharVocab.ofNames(List.of("a.b")));
        assertTrue(e.getMessage().contains("\"a.b\""), e.getMessage());
    }

    @Test
    void ofTextSortsByCharacterValue() {
        assertEquals(" Tabc", CharVocab.ofText("cab T ba").chars());
        assertThrows(IllegalArgumentException.class, () -> CharVocab.ofText(""));
    }

    @Test
    void ofCharsKeepsTheGivenOrderAndRejectsDuplicates() {
        CharVocab v = CharVocab.ofChars("zyx");
        assertEquals(0, v.id('z'));
        assertEquals(2, v.id('x'));
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> CharVocab.ofChars("abca"));
        assertTrue(dup.getMessage().contains("'a'"), dup.getMessage());
        assertTrue(dup.getMessage().contains("0 and 3"), dup.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CharVocab.ofChars(""));
    }

    @Test
    void encodeDecodeRoundTrip() {
        CharVocab v = CharVocab.ofChars(SHAKESPEARE_CHARS);
        String s = "ROMEO:\nTo be, or not to be?";
        int[] ids = v.encode(s);
        assertEquals(s.length(), ids.length);
        assertEquals(v.id('R'), ids[0]);
        assertEquals(0, ids[6]); // '\n'
        assertEquals(s, v.decode(ids));
        assertEquals("To be", v.decode(ids, 7, 12));
        assertEquals("", v.decode(ids, 3, 3));
        assertArrayEquals(new int[0], v.encode(""));
    }

    @Test
    void unknownCharacterMessageShowsTheCharCodePointAndContents() {
        CharVocab v = CharVocab.ofChars(".abc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.id('é'));
        String msg = e.getMessage();
        assertTrue(msg.contains("'é'"), msg);
        assertTrue(msg.contains("U+00E9"), msg);
        assertTrue(msg.contains("\".abc\""), msg);
        assertFalse(v.contains('é'));
        assertFalse(v.contains('\uffff'));
        IllegalArgumentException enc = assertThrows(IllegalArgumentException.class, () -> v.encode("ab\tc"));
        assertTrue(enc.getMessage().contains("position 2"), enc.getMessage());
        assertTrue(enc.getMessage().contains("'\\t' (U+0009)"), enc.getMessage());
    }

    @Test
    void longVocabulariesAreAbbreviatedInMessages() {
        CharVocab v = CharVocab.ofChars(SHAKESPEARE_CHARS);
        String msg = assertThrows(IllegalArgumentException.class, () -> v.id('#')).getMessage();
        assertTrue(msg.contains("65 characters"), msg);
        assertTrue(msg.contains("\\n !$&',-.3:;?ABCDEFGHIJK..."), msg);
        assertFalse(msg.contains("xyz"), msg);
    }

    @Test
    void badIdsNameTheValidRange() {
        CharVocab v = CharVocab.ofChars(".abc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.ch(4));
        assertTrue(e.getMessage().contains("4"), e.getMessage());
        assertTrue(e.getMessage().contains("0..3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> v.ch(-1));
        assertThrows(IllegalArgumentException.class, () -> v.decode(new int[] {0, 9}));
        assertThrows(IndexOutOfBoundsException.class, () -> v.decode(new int[] {0, 1}, 1, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> v.decode(new int[] {0, 1}, 2, 1));
    }

    @Test
    void equalityFollowsTheCharactersInOrder() {
        assertEquals(CharVocab.ofChars(".ab"), CharVocab.ofNames(List.of("ba", "ab")));
        assertEquals(CharVocab.ofChars(".ab").hashCode(), CharVocab.ofNames(List.of("ab")).hashCode());
        assertNotEquals(CharVocab.ofChars("ab."), CharVocab.ofChars(".ab"));
        assertEquals("CharVocab[3: \"\\nab\"]", CharVocab.ofChars("\nab").toString());
    }
}
