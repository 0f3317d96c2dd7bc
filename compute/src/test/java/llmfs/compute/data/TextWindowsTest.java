package llmfs.compute.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;

import llmfs.compute.Rng;
import llmfs.compute.text.CharVocab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextWindowsTest {
    private static String text;
    private static CharVocab vocab;

    @BeforeAll
    static void load() {
        text = Corpora.locate().text("tinyshakespeare.txt");
        vocab = CharVocab.ofText(text);
    }

    @Test
    void shakespeareHasTheCoursesSizes() {
        assertEquals(1_115_394, text.length());
        assertEquals(65, vocab.size());
        TextWindows w = TextWindows.of(vocab.encode(text), 32);
        assertEquals(1_115_362, w.count());
        assertEquals(1_115_394, w.length());
    }

    @Test
    void shakespeareBatchesAreWindowsOfTheText() {
        TextWindows w = TextWindows.of(vocab.encode(text), 32);
        int b = 16;
        int[] x = new int[b * 32];
        int[] y = new int[b];
        w.batch(new Rng(3), b, x, y);
        for (int r = 0; r < b; r++) {
            String window = vocab.decode(x, r * 32, (r + 1) * 32) + vocab.ch(y[r]);
            assertTrue(text.contains(window), "not in the text: " + window);
        }
    }

    @Test
    void batchRowsAreConsecutiveTokensFollowedByTheirTarget() {
        // Tokens 0..999 in order: a window starting at s must read s, s+1, ..., s+bs-1 and target s+bs.
        int[] tokens = IntStream.range(0, 1000).toArray();
        TextWindows w = TextWindows.of(tokens, 8);
        int[] x = new int[64 * 8];
        int[] y = new int[64];
        w.batch(new Rng(11), 64, x, y);
        boolean[] seen = new boolean[w.count()];
        for (int r = 0; r < 64; r++) {
            int s = x[r * 8];
            assertTrue(s >= 0 && s < w.count(), "start " + s);
            for (int k = 0; k < 8; k++) assertEquals(s + k, x[r * 8 + k]);
            assertEquals(s + 8, y[r]);
            seen[s] = true;
        }
        int distinct = 0;
        for (boolean v : seen) if (v) distinct++;
        assertTrue(distinct > 32, "random starts should mostly differ, got " + distinct + " distinct of 64");
    }

    @Test
    void batchIsDeterministicForASeed() {
        TextWindows w = TextWindows.of(IntStream.range(0, 500).toArray(), 4);
        int[] x1 = new int[40], y1 = new int[10], x2 = new int[40], y2 = new int[10], x3 = new int[40];
        w.batch(new Rng(5), 10, x1, y1);
        w.batch(new Rng(5), 10, x2, y2);
        w.batch(new Rng(6), 10, x3, new int[10]);
        assertArrayEquals(x1, x2);
        assertArrayEquals(y1, y2);
        assertNotEquals(Arrays.toString(x1), Arrays.toString(x3));
    }

    @Test
    void windowAndTargetReadTheText() {
        TextWindows w = TextWindows.of(vocab.encode(text), 32);
        int[] out = new int[40];
        w.window(0, out, 3);
        assertEquals("First Citizen:\nBefore we proceed", vocab.decode(out, 3, 35));
        assertEquals(' ', vocab.ch(w.target(0)));
        int last = w.count() - 1;
        w.window(last, out, 0);
        assertEquals(text.substring(last, last + 32), vocab.decode(out, 0, 32));
        assertEquals('\n', vocab.ch(w.target(last)));
        assertThrows(IndexOutOfBoundsException.class, () -> w.window(w.count(), out, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> w.window(0, out, 9));
        assertThrows(IndexOutOfBoundsException.class, () -> w.target(-1));
    }

    @Test
    void splitTailIsContiguousAndComplete() {
        int[] tokens = IntStream.range(0, 1000).toArray();
        TextWindows[] parts = TextWindows.splitTail(tokens, 16, 0.1);
        TextWindows train = parts[0], val = parts[1];
        assertArrayEquals(IntStream.range(0, 900).toArray(), train.tokens());
        assertArrayEquals(IntStream.range(900, 1000).toArray(), val.tokens());
        assertEquals(900 - 16, train.count());
        assertEquals(100 - 16, val.count());
        // The last training window's target is still training text.
        assertEquals(899, train.target(train.count() - 1));
    }

    @Test
    void shakespeareSplitSizes() {
        TextWindows[] parts = TextWindows.splitTail(vocab.encode(text), 32, 0.1);
        // round(1,115,394 * 0.1) = 111,539 val tokens.
        assertEquals(1_003_855, parts[0].length());
        assertEquals(111_539, parts[1].length());
        int[] out = new int[32];
        parts[1].window(0, out, 0);
        assertEquals(text.substring(1_003_855, 1_003_855 + 32), vocab.decode(out));
    }

    @Test
    void badArgumentsAreRejectedWithReasons() {
        int[] tiny = {1, 2, 3};
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> TextWindows.of(tiny, 3));
        assertTrue(tooShort.getMessage().contains("at least 4"), tooShort.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TextWindows.of(tiny, 0));
        assertThrows(IllegalArgumentException.class, () -> TextWindows.splitTail(new int[100], 8, 0.0));
        assertThrows(IllegalArgumentException.class, () -> TextWindows.splitTail(new int[100], 8, 0.05));
        TextWindows w = TextWindows.of(new int[100], 8);
        assertThrows(IllegalArgumentException.class, () -> w.batch(new Rng(1), 4, new int[31], new int[4]));
        assertThrows(IllegalArgumentException.class, () -> w.batch(new Rng(1), 4, new int[32], new int[3]));
    }

    @Test
    void ofCopiesItsInput() {
        int[] tokens = IntStream.range(0, 10).toArray();
        TextWindows w = TextWindows.of(tokens, 2);
        tokens[0] = 99;
        assertEquals(0, w.tokens()[0]);
    }
}
