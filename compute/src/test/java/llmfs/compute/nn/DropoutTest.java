package llmfs.compute.nn;

import llmfs.compute.Rng;
import llmfs.compute.Tensor;
import llmfs.compute.kernel.Parallel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DropoutTest {

    @Test
    void dropsAboutPAndScalesTheRestByOneOverOneMinusP() {
        for (float p : new float[]{0.1f, 0.5f, 0.9f}) {
            int n = 200_000;
            float[] ones = new float[n];
            java.util.Arrays.fill(ones, 1f);
            Dropout d = new Dropout(p, new Rng(3));
            d.train(true);
            float[] y = d.forward(Tensor.of(ones, n)).toArray();
            int zeros = 0;
            for (float v : y) {
                if (v == 0f) zeros++;
                else assertEquals(1f / (1f - p), v, 1e-6f, "kept values are scaled by 1/(1-p)");
            }
            // Binomial(n, p): 5 standard deviations is at most ~1,100 of 200,000.
            double sd = Math.sqrt(n * p * (1 - p));
            assertEquals(n * p, zeros, 5 * sd, "p = " + p + ": zeroed " + zeros + " of " + n);
        }
    }

    @Test
    void theMaskIsUniformAcrossItsPositions() {
        // A mask that repeats or favours a region would show as uneven counts between the halves and the parities.
        float[] m = Dropout.mask(42L, 100_000, 0.5f);
        int[] counts = new int[4];
        for (int i = 0; i < m.length; i++) if (m[i] == 0f) counts[(i < m.length / 2 ? 0 : 2) + (i & 1)]++;
        for (int c : counts) assertEquals(12_500, c, 5 * Math.sqrt(25_000 * 0.25), java.util.Arrays.toString(counts));
    }

    @Test
    void sameGeneratorStateGivesTheSameMaskAndEachCallANewOne() {
        Dropout a = new Dropout(0.3f, new Rng(11)), b = new Dropout(0.3f, new Rng(11));
        a.train(true);
        b.train(true);
        Tensor x = Tensor.of(new float[5000], 5000).add(Tensor.scalar(1f));
        float[] a1 = a.forward(x).toArray(), b1 = b.forward(x).toArray(), a2 = a.forward(x).toArray();
        assertArrayEquals(a1, b1, "the same seed gives the same mask");
        assertFalse(java.util.Arrays.equals(a1, a2), "the next call draws a new mask");
    }

    @Test
    void theMaskDoesNotDependOnTheNumberOfThreads() {
        float[] parallel = Dropout.mask(7L, 300_000, 0.2f);
        float[][] inline = new float[1][];
        Parallel.inline(() -> inline[0] = Dropout.mask(7L, 300_000, 0.2f));
        assertArrayEquals(parallel, inline[0]);
    }

    @Test
    void evaluationModeAndZeroProbabilityPassTheInputThrough() {
        Tensor x = Tensor.of(new float[]{1, 2, 3}, 3);
        Dropout d = new Dropout(0.5f, new Rng(1));
        d.train(false);
        assertTrue(d.forward(x) == x);
        Dropout none = new Dropout(0f, new Rng(1));
        none.train(true);
        assertTrue(none.forward(x) == x);
    }
}
