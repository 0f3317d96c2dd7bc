package llmfs.tutor.check;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects what the learner's code prints, keeping only the first {@code capacity} bytes and counting the rest,
 * so a print loop can neither fill the memory nor slow the check down much.
 */
final class CappedOutput extends OutputStream {
    private final int capacity;
    private final ByteArrayOutputStream kept;
    private long dropped;

    CappedOutput(int capacity) {
        this.capacity = capacity;
        this.kept = new ByteArrayOutputStream(Math.min(capacity, 1024));
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < capacity) kept.write(b);
        else dropped++;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = Math.max(0, capacity - kept.size());
        int take = Math.min(room, len);
        kept.write(b, off, take);
        dropped += len - take;
    }

    /** Forgets everything collected so far. */
    synchronized void reset() {
        kept.reset();
        dropped = 0;
    }

    /** The kept text, followed by a note saying how much was cut off, if anything was. */
    synchronized String text() {
        String s = kept.toString(StandardCharsets.UTF_8);
        if (dropped > 0) {
            s += "\n… (" + dropped + " more bytes of output not shown)";
        }
        return s;
    }
}
