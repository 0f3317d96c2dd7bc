import llmfs.compute.Rng;

/**
 * Exercise 2.2 — a random training batch.
 *
 * Shakespeare is one long sequence of token ids. Every position `start` with a token after its window gives a
 * training example: the `block` ids tokens[start .. start+block) are the input, and tokens[start+block], the id
 * right after them, is the target. There are tokens.length - block such windows. A batch picks `batchSize` of them
 * at random, so each training step sees a different mix of the text.
 */
public final class RandomBatch {

    /**
     * Fills {@code x} (batchSize rows of block ids, row after row) and {@code y} (one target per row).
     *
     * For each row i = 0, 1, ..., batchSize-1, in that order:
     *   start = rng.nextInt(tokens.length - block)     (draw exactly once per row: the check replays your draws)
     *   x[i*block + j] = tokens[start + j]              for j = 0 .. block-1
     *   y[i]           = tokens[start + block]
     */
    public static void batch(int[] tokens, int block, int batchSize, Rng rng, int[] x, int[] y) {
        for (int i = 0; i < batchSize; i++) {
            int start = rng.nextInt(tokens.length - block);
            System.arraycopy(tokens, start, x, i * block, block);
            y[i] = tokens[start + block + 1];
        }
    }
}
