package llmfs.compute.nn;

import llmfs.compute.Rng;
import llmfs.compute.Tensor;
import llmfs.compute.kernel.Parallel;

/**
 * Inverted dropout: in training mode each value is zeroed with probability {@code p} and the rest are scaled by
 * 1/(1−p), so evaluation needs no rescaling.
 *
 * <p>Each call draws one number from the model's {@link Rng} and derives the whole mask from it, element i from a
 * hash of (that number, i). Runs stay reproducible and resumable (the model's generator is what checkpoints save),
 * the mask is the same on any number of threads, and it is made in parallel: drawing one number per element from
 * the shared generator took about a sixth of a GPT training step.
 */
public final class Dropout extends Module {
    private static final int GRAIN = 16_384;
    private final float p;
    private final Rng rng;

    public Dropout(float p, Rng rng) {
        if (p < 0 || p >= 1) throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        this.p = p;
        this.rng = rng;
    }

    public Tensor forward(Tensor x) {
        if (!isTraining() || p == 0f) return x;
        return x.mul(Tensor.of(mask(rng.nextLong(), x.numel(), p), x.shape()));
    }

    /** The mask for one call: 0 with probability {@code p}, else 1/(1−p); element i depends on (key, i) only. */
    static float[] mask(long key, int n, float p) {
        float[] mask = new float[n];
        float keep = 1f / (1f - p);
        Parallel.forRange(n, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) mask[i] = uniform(key, i) < p ? 0f : keep;
        });
        return mask;
    }

    /** A uniform float in [0, 1) from the SplitMix64 finaliser of the i-th step after {@code key}. */
    static float uniform(long key, int i) {
        long z = key + (i + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 40) * 0x1.0p-24f;
    }
}
