package llmfs.tutor.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a stream on its own thread and keeps only its last bytes, so a process that writes gigabytes (or one
 * endless line) costs the reader a fixed few KB of memory, and the process never blocks on a full pipe.
 */
final class BoundedTail {
    private final byte[] ring;
    private long total;
    private final Thread drainer;

    BoundedTail(InputStream in, int capacity, String threadName) {
        this.ring = new byte[capacity];
        this.drainer = new Thread(() -> drain(in), threadName);
        drainer.setDaemon(true);
        drainer.start();
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) append(buf, n);
        } catch (IOException ignored) {
            // the pipe breaks when the process is killed
        }
    }

    private synchronized void append(byte[] buf, int n) {
        int skip = Math.max(0, n - ring.length);
        total += skip;
        for (int i = skip; i < n; ) {
            int at = (int) (total % ring.length);
            int len = Math.min(n - i, ring.length - at);
            System.arraycopy(buf, i, ring, at, len);
            i += len;
            total += len;
        }
    }

    /** Waits up to {@code ms} for the stream to end (so nothing written before the process died is missed). */
    void awaitEnd(long ms) {
        try {
            drainer.join(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many bytes went through so far. */
    synchronized long total() {
        return total;
    }

    /** The kept tail as text, with a note when earlier output was dropped. */
    synchronized String text() {
        int kept = (int) Math.min(total, ring.length);
        byte[] out = new byte[kept];
        long start = total - kept;
        for (int i = 0; i < kept; i++) out[i] = ring[(int) ((start + i) % ring.length)];
        String s = new String(out, StandardCharsets.UTF_8);
        return start > 0 ? "… (" + start + " earlier bytes not shown)\n" + s : s;
    }
}
