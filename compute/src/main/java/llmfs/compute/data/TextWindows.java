package llmfs.compute.data;

import java.util.Arrays;

import llmfs.compute.Rng;

/**
 * Part 2's training set over continuous text: every stride-1 window of {@code blockSize} tokens, with the
 * token right after it as the target.
 *
 * <p>Only the token sequence is stored; windows are copied out on demand. Materialising them all would cost
 * {@code blockSize} times the text (for Tiny Shakespeare and block 32, about 36 million ints instead of 1.1
 * million).
 */
public final class TextWindows {
    private final int[] tokens;
    private final int blockSize;

    private TextWindows(int[] tokens, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be at least 1, got " + blockSize + ".");
        }
        if (tokens.length <= blockSize) {
            throw new IllegalArgumentException("A text of " + tokens.length + " tokens has no window of "
                    + blockSize + " tokens plus a target; it needs at least " + (blockSize + 1) + " tokens.");
        }
        this.tokens = tokens;
        this.blockSize = blockSize;
    }

    /**
     * The windows of an encoded text.
     *
     * @param tokens    token ids (copied)
     * @param blockSize context length, at least 1
     * @throws IllegalArgumentException if the block size is not positive or the text is not longer than it
     */
    public static TextWindows of(int[] tokens, int blockSize) {
        return new TextWindows(tokens.clone(), blockSize);
    }

    /**
     * A contiguous train/validation split: train holds the first {@code n - round(n * valFraction)} tokens and
     * val the rest. The cut is contiguous, not by random windows, because neighbouring windows overlap in all
     * but one token: with random windows nearly every validation window would also appear, shifted by one, in
     * training, and the validation loss would hide overfitting. No window crosses the cut.
     *
     * @param valFraction in (0, 1)
     * @return {@code {train, val}}
     * @throws IllegalArgumentException if the fraction is outside (0, 1) or either part is not longer than the
     *                                  block size
     */
    public static TextWindows[] splitTail(int[] tokens, int blockSize, double valFraction) {
        if (!(valFraction > 0 && valFraction < 1)) {
            throw new IllegalArgumentException("valFraction must be in (0, 1), got " + valFraction
                    + "; 0.1 keeps the last tenth of the text for validation.");
        }
        int nVal = (int) Math.round(tokens.length * valFraction);
        int nTrain = tokens.length - nVal;
        if (nTrain <= blockSize || nVal <= blockSize) {
            throw new IllegalArgumentException("Splitting " + tokens.length + " tokens with valFraction "
                    + valFraction + " gives " + nTrain + " train and " + nVal + " val tokens; each part needs more"
                    + " than blockSize = " + blockSize + ". Use a longer text or a different fraction.");
        }
        return new TextWindows[] {
            new TextWindows(Arrays.copyOfRange(tokens, 0, nTrain), blockSize),
            new TextWindows(Arrays.copyOfRange(tokens, nTrain, tokens.length), blockSize)
        };
    }

    /** Number of windows: {@code tokens - blockSize}. */
    public int count() {
        return tokens.length - blockSize;
    }

    /** Context length. */
    public int blockSize() {
        return blockSize;
    }

    /** Number of tokens in the text. */
    public int length() {
        return tokens.length;
    }

    /** A copy of the token ids. */
    public int[] tokens() {
        return tokens.clone();
    }

    /**
     * Copies window {@code start} (tokens {@code start .. start+blockSize-1}) into {@code xOut} at {@code off}.
     *
     * @throws IndexOutOfBoundsException if {@code start} is not in 0..count()-1 or {@code xOut} is too short
     */
    public void window(int start, int[] xOut, int off) {
        checkStart(start);
        if (off < 0 || off > xOut.length - blockSize) {
            throw new IndexOutOfBoundsException("Cannot write " + blockSize + " ids at offset " + off
                    + " of an array of " + xOut.length + ".");
        }
        System.arraycopy(tokens, start, xOut, off, blockSize);
    }

    /** The target of window {@code start}: the token right after it. */
    public int target(int start) {
        checkStart(start);
        return tokens[start + blockSize];
    }

    /**
     * Fills a batch with windows starting at uniformly random positions (drawn with replacement from
     * {@code rng}): row b of {@code xOut} ({@code xOut[b*blockSize ..]}) is a window and {@code yOut[b]} its target.
     *
     * @throws IllegalArgumentException if {@code batchSize} is not positive or an output array is too short
     */
    public void batch(Rng rng, int batchSize, int[] xOut, int[] yOut) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize + ".");
        }
        if ((long) batchSize * blockSize > xOut.length || batchSize > yOut.length) {
            throw new IllegalArgumentException("A batch of " + batchSize + " needs xOut of at least "
                    + (long) batchSize * blockSize + " and yOut of at least " + batchSize + " ints; got "
                    + xOut.length + " and " + yOut.length + ".");
        }
        int n = count();
        for (int b = 0; b < batchSize; b++) {
            int start = rng.nextInt(n);
            System.arraycopy(tokens, start, xOut, b * blockSize, blockSize);
            yOut[b] = tokens[start + blockSize];
        }
    }

    private void checkStart(int start) {
        if (start < 0 || start >= count()) {
            throw new IndexOutOfBoundsException("Window " + start + " does not exist: valid starts are 0.."
                    + (count() - 1) + ".");
        }
    }

    @Override
    public String toString() {
        return "TextWindows[" + tokens.length + " tokens, blockSize " + blockSize + ", " + count() + " windows]";
    }
}
