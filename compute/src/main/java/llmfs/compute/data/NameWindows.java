package llmfs.compute.data;

import java.util.Arrays;
import java.util.List;

import llmfs.compute.text.CharVocab;

/**
 * Part 1's training set: every (context, next character) window of every name.
 *
 * <p>For each name the context starts as {@code blockSize} start markers {@code '.'}; for each character of
 * the name, and then for the end marker {@code '.'}, one window is emitted (the current context and that
 * character as the target) and the context slides left by one to take the character in. A name of length L
 * thus gives L+1 windows; for "subin" and block size 5 they are {@code ..... -> s}, {@code ....s -> u}, ...,
 * {@code subin -> .}.
 *
 * <p>The arrays are shared, not copied, for speed: treat them as read-only.
 */
public final class NameWindows {
    private final int[] x;
    private final int[] y;
    private final int blockSize;

    private NameWindows(int[] x, int[] y, int blockSize) {
        this.x = x;
        this.y = y;
        this.blockSize = blockSize;
    }

    /**
     * Builds every window of every name, names in the given order.
     *
     * @param vocab     must contain {@code '.'} (as {@link CharVocab#ofNames} does) and every letter of the names
     * @param blockSize context length, at least 1
     * @throws IllegalArgumentException if the block size is not positive, the vocabulary has no marker, or a
     *                                  name holds a character outside the vocabulary (the name is quoted)
     */
    public static NameWindows of(List<String> names, CharVocab vocab, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be at least 1, got " + blockSize + ".");
        }
        if (!vocab.contains(CharVocab.MARKER)) {
            throw new IllegalArgumentException("The vocabulary " + vocab + " has no '" + CharVocab.MARKER
                    + "' start/end marker; build it with CharVocab.ofNames(names).");
        }
        int marker = vocab.id(CharVocab.MARKER);
        long total = 0;
        for (String name : names) total += name.length() + 1;
        if (total * blockSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(total + " windows of " + blockSize + " ids do not fit in one array;"
                    + " use fewer names or a smaller block size.");
        }
        int n = (int) total;
        int[] x = new int[n * blockSize];
        int[] y = new int[n];
        int[] context = new int[blockSize];
        int row = 0;
        for (String name : names) {
            int[] ids;
            try {
                ids = vocab.encode(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The name \"" + name + "\" cannot be encoded: " + e.getMessage(), e);
            }
            Arrays.fill(context, marker);
            for (int i = 0; i <= ids.length; i++) {
                int target = i < ids.length ? ids[i] : marker;
                System.arraycopy(context, 0, x, row * blockSize, blockSize);
                y[row++] = target;
                System.arraycopy(context, 1, context, 0, blockSize - 1);
                context[blockSize - 1] = target;
            }
        }
        return new NameWindows(x, y, blockSize);
    }

    /** The contexts, {@code size() * blockSize()} ids, row-major (row r is {@code x[r*blockSize .. (r+1)*blockSize)}). */
    public int[] x() {
        return x;
    }

    /** The targets, one id per window. */
    public int[] y() {
        return y;
    }

    /** Context length. */
    public int blockSize() {
        return blockSize;
    }

    /** Number of windows. */
    public int size() {
        return y.length;
    }

    @Override
    public String toString() {
        return "NameWindows[" + size() + " windows, blockSize " + blockSize + "]";
    }
}
