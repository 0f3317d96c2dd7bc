package llmfs.compute.optim;

import llmfs.compute.Rng;
import llmfs.compute.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdamWTest {

    /** PyTorch's AdamW written out in float64 from its documented update rule. */
    private static void reference(double[] p, double[] g, double[] m, double[] v, int t, double lr, double b1,
                                  double b2, double eps, double wd) {
        for (int i = 0; i < p.length; i++) {
            p[i] *= 1 - lr * wd;
            m[i] = b1 * m[i] + (1 - b1) * g[i];
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
            double mh = m[i] / (1 - Math.pow(b1, t)), vh = v[i] / (1 - Math.pow(b2, t));
            p[i] -= lr * mh / (Math.sqrt(vh) + eps);
        }
    }

    @Test
    void matchesTheFloat64UpdateRuleOverSeveralSteps() {
        Rng rng = new Rng(7);
        int n = 50;
        Tensor p = Tensor.randn(rng, n).requiresGrad(true);
        double[] p64 = new double[n], m64 = new double[n], v64 = new double[n];
        float[] init = p.toArray();
        for (int i = 0; i < n; i++) p64[i] = init[i];
        AdamW opt = new AdamW(List.of(p), 0.01f);
        for (int t = 1; t <= 5; t++) {
            float[] gv = new float[n];
            double[] g64 = new double[n];
            for (int i = 0; i < n; i++) {
                gv[i] = (float) rng.nextGaussian();
                g64[i] = gv[i];
            }
            opt.zeroGrad();
            // loss = Σ p·g has gradient g with respect to p
            p.mul(Tensor.of(gv, n)).sum().backward();
            opt.step();
            reference(p64, g64, m64, v64, t, 0.01, 0.9, 0.999, 1e-8, 0.01);
        }
        float[] got = p.toArray();
        for (int i = 0; i < n; i++) assertEquals(p64[i], got[i], 2e-6, "parameter " + i);
    }

    @Test
    void weightDecayIsDecoupledFromTheGradient() {
        // With a zero gradient, Adam's step is 0 and only the decay acts: p ← p·(1 − lr·wd).
        Tensor p = Tensor.of(new float[]{2f}, 1).requiresGrad(true);
        AdamW opt = new AdamW(List.of(p), 0.1f, 0.9f, 0.999f, 1e-8f, 0.5f);
        p.mul(0f).sum().backward();
        opt.step();
        assertEquals(2f * (1 - 0.1f * 0.5f), p.toArray()[0], 1e-6);
    }

    @Test
    void clipGradNormScalesToTheLimit() {
        Tensor p = Tensor.of(new float[]{0, 0}, 2).requiresGrad(true);
        AdamW opt = new AdamW(List.of(p), 0.1f);
        p.mul(Tensor.of(new float[]{3, 4}, 2)).sum().backward(); // gradient (3, 4), norm 5
        double before = opt.clipGradNorm(1.0);
        assertEquals(5.0, before, 1e-6);
        float[] g = p.gradArray();
        assertEquals(0.6f, g[0], 1e-4);
        assertEquals(0.8f, g[1], 1e-4);
        assertTrue(Math.hypot(g[0], g[1]) <= 1.0 + 1e-4);
    }
}
