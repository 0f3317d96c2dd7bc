package llmfs.compute.nn;

import llmfs.compute.Rng;
import llmfs.compute.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GptTest {

    @Test
    void parameterCountMatchesTheCourseFormula() {
        // L·(12d² + 9d) + 2·d·V + V + 2d
        for (int v : new int[]{65, 82, 80, 79}) {
            Gpt g = new Gpt(new Gpt.Config(v, 128, 4, 3, 64, 0.1f), new Rng(1));
            long d = 128, l = 3;
            assertEquals(l * (12 * d * d + 9 * d) + 2 * d * v + v + 2 * d, g.parameterCount(), "vocab " + v);
        }
        assertEquals(610_241, new Gpt(new Gpt.Config(65, 128, 4, 3, 64, 0.1f), new Rng(1)).parameterCount());
    }

    @Test
    void sinusoidalPositionsFollowTheClosedForm() {
        float[] pe = Gpt.sinusoid(50, 64);
        assertEquals(0f, pe[0], 0f);          // sin(0)
        assertEquals(1f, pe[1], 0f);          // cos(0)
        assertEquals((float) Math.sin(7), pe[7 * 64], 1e-6);
        assertEquals((float) Math.cos(7 / Math.pow(10000, 2.0 / 64)), pe[7 * 64 + 3], 1e-6);
    }

    @Test
    void laterTokensNeverChangeEarlierLogits() {
        Gpt g = new Gpt(new Gpt.Config(11, 16, 2, 2, 8, 0f), new Rng(3));
        int[] a = {1, 2, 3, 4, 5, 6, 7, 8}, b = a.clone();
        b[5] = 9;
        b[7] = 0;
        float[] la = g.forward(a, 1, 8).toArray(), lb = g.forward(b, 1, 8).toArray();
        for (int i = 0; i < 5 * 11; i++) assertEquals(la[i], lb[i], 1e-6, "position " + i / 11 + " saw the future");
        boolean changed = false;
        for (int i = 5 * 11; i < la.length; i++) changed |= Math.abs(la[i] - lb[i]) > 1e-4;
        assertTrue(changed, "positions from 5 on do depend on the changed tokens");
    }

    @Test
    void gradientsAgreeWithFiniteDifferences() {
        Gpt g = new Gpt(new Gpt.Config(7, 8, 2, 1, 4, 0f), new Rng(5));
        int[] x = {1, 3, 5, 2, 6, 0, 4, 4}, y = {3, 5, 2, 1, 0, 4, 4, 6};
        g.zeroGrad();
        g.forward(x, 2, 4).crossEntropy(y).backward();
        Rng pick = new Rng(9);
        for (Tensor p : g.parameters()) {
            float[] grad = p.gradArray();
            float[] v = p.toArray();
            for (int trial = 0; trial < 3; trial++) {
                int i = pick.nextInt(v.length);
                float keep = v[i], h = 1e-2f;
                v[i] = keep + h;
                p.set(v);
                double up = g.forward(x, 2, 4).crossEntropy(y).item();
                v[i] = keep - h;
                p.set(v);
                double down = g.forward(x, 2, 4).crossEntropy(y).item();
                v[i] = keep;
                p.set(v);
                double num = (up - down) / (2 * h);
                assertEquals(num, grad[i], 2e-3 + 0.05 * Math.abs(num), p.name() + "[" + i + "]");
            }
        }
        llmfs.compute.Tape.clear();
    }

    @Test
    void dropoutOnlyActsInTrainingMode() {
        Gpt g = new Gpt(new Gpt.Config(7, 8, 2, 1, 4, 0.5f), new Rng(5));
        int[] x = {1, 2, 3, 4};
        g.train(false);
        float[] e1 = g.forward(x, 1, 4).toArray(), e2 = g.forward(x, 1, 4).toArray();
        assertEquals(e1[3], e2[3], 0f);
        g.train(true);
        float[] t1 = g.forward(x, 1, 4).toArray();
        assertNotEquals(e1[3], t1[3]);
        llmfs.compute.Tape.clear();
    }

    @Test
    void tooLongSequenceSaysHowToFixIt() {
        Gpt g = new Gpt(new Gpt.Config(7, 8, 2, 1, 4, 0f), new Rng(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.forward(new int[5], 1, 5));
        assertTrue(e.getMessage().contains("crop"), e.getMessage());
    }
}
