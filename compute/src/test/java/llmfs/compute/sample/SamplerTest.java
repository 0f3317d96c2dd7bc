package llmfs.compute.sample;

import llmfs.compute.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SamplerTest {

    @Test
    void temperatureScalesLogitsBeforeSoftmax() {
        float[] logits = {1f, 2f, 3f};
        double[] p = Sampler.probabilities(logits, 0.5f);
        double z = Math.exp(2) + Math.exp(4) + Math.exp(6);
        assertEquals(Math.exp(2) / z, p[0], 1e-12);
        assertEquals(Math.exp(6) / z, p[2], 1e-12);
        double[] greedy = Sampler.probabilities(logits, 0f);
        assertEquals(1.0, greedy[2]);
    }

    @Test
    void hugeLogitsDoNotOverflow() {
        double[] p = Sampler.probabilities(new float[]{1000f, 1000f}, 1f);
        assertEquals(0.5, p[0], 1e-12);
    }

    @Test
    void pickIsTheInverseCdf() {
        double[] p = {0.2, 0.5, 0.3};
        assertEquals(0, Sampler.pick(p, 0.0));
        assertEquals(0, Sampler.pick(p, 0.1999));
        assertEquals(1, Sampler.pick(p, 0.2));
        assertEquals(2, Sampler.pick(p, 0.7));
        assertEquals(2, Sampler.pick(p, 0.9999999));
    }

    @Test
    void samplingFrequenciesFollowTheDistribution() {
        Rng rng = new Rng(11);
        int[] counts = new int[3];
        float[] logits = {0f, (float) Math.log(2), (float) Math.log(7)}; // probabilities 0.1, 0.2, 0.7
        for (int i = 0; i < 20000; i++) counts[Sampler.sample(logits, Sampler.Settings.temperature(1f), rng)]++;
        assertEquals(0.1, counts[0] / 20000.0, 0.01);
        assertEquals(0.7, counts[2] / 20000.0, 0.015);
    }

    @Test
    void topKAndTopPFilter() {
        double[] p = {0.5, 0.3, 0.15, 0.05};
        Sampler.keepTopK(p, 2);
        assertEquals(0.625, p[0], 1e-12);
        assertEquals(0.0, p[2]);
        double[] q = {0.5, 0.3, 0.15, 0.05};
        Sampler.keepTopP(q, 0.75f);
        assertEquals(0.5 / 0.8, q[0], 1e-12);
        assertEquals(0.0, q[2]);
        assertThrows(IllegalArgumentException.class, () -> new Sampler.Settings(-1f, 0, 1f));
    }
}
