package llmfs.compute.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import llmfs.compute.Rng;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Round trips, token pieces and the messages a learner sees. */
class BpeTokenizerTest {
    private static BpeTokenizer bytes;
    private static BpeTokenizer chars;

    @BeforeAll
    static void train() {
        String text = TestCorpora.shakespeare().substring(0, 200_000)
                + " caf\u00e9 \u4e2d\u6587 \uD83D\uDE00\uD83D\uDE00 caf\u00e9 \u4e2d\u6587";
        bytes = BpeTokenizer.trainBytes(text.getBytes(StandardCharsets.UTF_8), 600);
        chars = BpeTokenizer.train(TestCorpora.shakespeare().substring(0, 200_000), 500);
    }

    /** Random text mixing ASCII, accented Latin, CJK, emoji (surrogate pairs) and rare planes. */
    private static String randomUnicode(Rng rng, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = rng.nextInt(6);
            int cp;
            if (kind == 0) {
                cp = 0x20 + rng.nextInt(0x5F);
            } else if (kind == 1) {
                cp = 0xC0 + rng.nextInt(0x100);
            } else if (kind == 2) {
                cp = 0x4E00 + rng.nextInt(0x5000);
            } else if (kind == 3) {
                cp = 0x1F600 + rng.nextInt(0x50);
            } else if (kind == 4) {
                cp = 0x10000 + rng.nextInt(0xF0000);
            } else {
                cp = "the \n".charAt(rng.nextInt(5));
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    @Test
    void byteLevelRoundTripsAnyUnicode() {
        Rng rng = new Rng(11L);
        for (int trial = 0; trial < 200; trial++) {
            String s = randomUnicode(rng, rng.nextInt(trial < 190 ? 60 : 3000));
            int[] ids = bytes.encode(s);
            assertEquals(s, bytes.decode(ids));
            for (int id : ids) {
                assertTrue(id >= 0 && id < bytes.vocabSize());
            }
        }
        assertEquals("", bytes.decode(bytes.encode("")));
    }

    @Test
    void byteLevelEncodingUsesLearnedMerges() {
        String s = "the king and the queen";
        assertTrue(bytes.encode(s).length < s.length(), "merges should shorten common English");
        assertTrue(bytes.byteLevel());
        assertEquals(256, bytes.baseSize());
        assertEquals(600, bytes.vocabSize());
    }

    @Test
    void characterLevelRoundTripsTextOverItsAlphabet() {
        Rng rng = new Rng(12L);
        String alphabet = TestCorpora.shakespeare().substring(0, 200_000).codePoints().distinct()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        for (int trial = 0; trial < 200; trial++) {
            StringBuilder sb = new StringBuilder();
            int n = rng.nextInt(trial < 190 ? 80 : 5000);
            for (int i = 0; i < n; i++) {
                sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertEquals(s, chars.decode(chars.encode(s)));
        }
    }

    @Test
    void characterLevelHandlesCharactersOutsideTheBasicPlane() {
        String text = "\uD83D\uDE00a\uD83D\uDE00a\uD83D\uDE00b \u4e2d\uD83D\uDE00a";
        BpeTokenizer t = BpeTokenizer.train(text, 12);
        assertEquals(5, t.baseSize()); // ' ', 'a', 'b', '中', the emoji: code points, not UTF-16 units
        assertEquals("\uD83D\uDE00", t.piece(4));
        assertEquals("\uD83D\uDE00a", t.piece(5));
        assertEquals(text, t.decode(t.encode(text)));
    }

    @Test
    void piecesOfPartialUtf8AreEscaped() {
        // Merges by hand: E2+82 is only the start of the euro sign E2 82 AC.
        List<BpeTokenizer.Merge> merges = List.of(new BpeTokenizer.Merge(0xE2, 0x82, 256, 1),
                new BpeTokenizer.Merge(256, 0xAC, 257, 1), new BpeTokenizer.Merge('a', 0xE2, 258, 1));
        BpeTokenizer t = BpeTokenizer.of(true, BpeTokenizer.byteAlphabet(), merges);
        assertEquals("\\xE2\\x82", t.piece(256));
        assertEquals("\u20ac", t.piece(257));
        assertEquals("a\\xE2", t.piece(258));
        assertEquals("\\xFF", t.piece(0xFF));
        assertEquals("A", t.piece('A'));
        assertArrayEquals(new byte[] {(byte) 0xE2, (byte) 0x82}, t.pieceBytes(256));
        assertArrayEquals(new int[] {'x', 257}, t.encode("x\u20ac"));
        assertEquals("x\u20ac", t.decode(new int[] {'x', 256, 0xAC}));
    }

    @Test
    void unseenCharacterGivesActionableMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> chars.encode("Hi \u00e9t\u00e9"));
        String m = e.getMessage();
        assertTrue(m.contains("'\u00e9'"), m);
        assertTrue(m.contains("U+00E9"), m);
        assertTrue(m.contains("position 3"), m);
        assertTrue(m.contains("--bytes"), m);
        IllegalArgumentException tab = assertThrows(IllegalArgumentException.class, () -> chars.encode("a\tb"));
        assertTrue(tab.getMessage().contains("U+0009"), tab.getMessage());
        assertTrue(tab.getMessage().contains("position 1"), tab.getMessage());
    }

    @Test
    void outOfRangeIdGivesTheValidRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> chars.decode(new int[] {5, 500}));
        assertTrue(e.getMessage().contains("500"), e.getMessage());
        assertTrue(e.getMessage().contains("position 1"), e.getMessage());
        assertTrue(e.getMessage().contains("0..499"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> bytes.decode(new int[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> chars.piece(500));
    }

    @Test
    void tooSmallVocabularyOrEmptyTextIsExplained() {
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> BpeTokenizer.train("hello", 3));
        assertTrue(small.getMessage().contains("4 distinct characters"), small.getMessage());
        IllegalArgumentException bytesSmall = assertThrows(IllegalArgumentException.class,
                () -> BpeTokenizer.trainBytes(new byte[] {1, 2}, 100));
        assertTrue(bytesSmall.getMessage().contains("256"), bytesSmall.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> BpeTokenizer.train("", 10));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    }

    @Test
    void vocabularyExactlyTheAlphabetLearnsNothing() {
        BpeTokenizer t = BpeTokenizer.train("hello", 4);
        assertEquals(0, t.mergeCount());
        assertArrayEquals(new int[] {1, 0, 2, 2, 3}, t.encode("hello")); // e h l o
        assertFalse(t.byteLevel());
    }

    @Test
    void inconsistentPartsAreRejected() {
        int[] abc = {'a', 'b', 'c'};
        assertThrows(IllegalArgumentException.class,
                () -> BpeTokenizer.of(false, abc, List.of(new BpeTokenizer.Merge(0, 3, 3, 1))));
        assertThrows(IllegalArgumentException.class,
                () -> BpeTokenizer.of(false, abc, List.of(new BpeTokenizer.Merge(0, 1, 4, 1))));
        assertThrows(IllegalArgumentException.class, () -> BpeTokenizer.of(false, abc,
                List.of(new BpeTokenizer.Merge(0, 1, 3, 1), new BpeTokenizer.Merge(0, 1, 4, 1))));
        assertThrows(IllegalArgumentException.class, () -> BpeTokenizer.of(false, new int[] {'a', 'a'}, List.of()));
    }

    @Test
    void mergeAccessorRejectsMissingIndex() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> chars.merge(1000));
        assertTrue(e.getMessage().contains("0.." + (chars.mergeCount() - 1)), e.getMessage());
    }
}
