package llmfs.compute.nn;

import llmfs.compute.Rng;
import llmfs.compute.Tensor;

/**
 * Inverted dropout: in training mode each value is zeroed with probability {@code p} and the rest are scaled by
 * 1/(1−p), so evaluation needs no rescaling. The mask comes from the model's {@link Rng}, so runs are reproducible.
 */
public final class Dropout extends Module {
    private final float p;
    private final Rng rng;

    public Dropout(float p, Rng rng) {
        if (p < 0 || p >= 1) throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        this.p = p;
        this.rng = rng;
    }

    public Tensor forward(Tensor x) {
        if (!isTraining() || p == 0f) return x;
        float[] mask = new float[x.numel()];
        float keep = 1f / (1f - p);
        for (int i = 0; i < mask.length; i++) mask[i] = rng.nextFloat() < p ? 0f : keep;
        return x.mul(Tensor.of(mask, x.shape()));
    }
}
