package llmfs.tutor.check;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stream of any length, one endless line included, costs the reader only its tail. */
class BoundedTailTest {
    /** {@code n} bytes of '{' (no newline), then {@code end}. */
    private static InputStream endlessLine(long n, String end) {
        byte[] tail = end.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            long left = n;
            int t;

            @Override
            public int read() {
                if (left > 0) {
                    left--;
                    return '{';
                }
                return t < tail.length ? tail[t++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left > 0) {
                    int k = (int) Math.min(len, left);
                    java.util.Arrays.fill(b, off, off + k, (byte) '{');
                    left -= k;
                    return k;
                }
                if (t >= tail.length) return -1;
                int k = Math.min(len, tail.length - t);
                System.arraycopy(tail, t, b, off, k);
                t += k;
                return k;
            }
        };
    }

    @Test
    void keepsOnlyTheLastBytesOfAGigabyteLine() {
        BoundedTail tail = new BoundedTail(endlessLine(1L << 30, "the end"), 100, "test-tail");
        tail.awaitEnd(120_000);
        assertEquals((1L << 30) + 7, tail.total());
        String text = tail.text();
        assertTrue(text.endsWith("{the end"), text);
        assertTrue(text.startsWith("… (" + ((1L << 30) + 7 - 100) + " earlier bytes not shown)"), text);
        assertTrue(text.length() < 200, text);
    }

    @Test
    void shortOutputIsKeptWhole() {
        BoundedTail tail = new BoundedTail(endlessLine(3, "ok"), 100, "test-tail");
        tail.awaitEnd(10_000);
        assertEquals("{{{ok", tail.text());
    }
}
