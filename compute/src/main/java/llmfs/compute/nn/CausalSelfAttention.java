package llmfs.compute.nn;

import llmfs.compute.Rng;
import llmfs.compute.Tensor;

/**
 * Multi-head causal self-attention with one fused projection to queries, keys and values (no biases, as in the
 * course): each head attends to the current and earlier positions only, then the heads are concatenated and
 * projected back to the model width.
 */
public final class CausalSelfAttention extends Module {
    public final Linear qkv;
    public final Linear out;
    public final int heads;
    private float[] lastWeights;
    private boolean keepWeights;

    public CausalSelfAttention(int dim, int heads, Rng rng) {
        if (dim % heads != 0) {
            throw new IllegalArgumentException("model width " + dim + " is not divisible by " + heads + " heads");
        }
        this.heads = heads;
        this.qkv = child("qkv", new Linear(dim, 3 * dim, false, rng));
        this.out = child("out", new Linear(dim, dim, false, rng));
    }

    /** Keep a copy of the attention weights of the next forward passes (for heatmaps). */
    public void keepWeights(boolean on) {
        keepWeights = on;
    }

    /** Attention weights [B*heads, T, T] of the last forward pass when {@link #keepWeights} is on, else null. */
    public float[] lastWeights() {
        return lastWeights;
    }

    /** {@code x} is [B, T, dim]. */
    public Tensor forward(Tensor x) {
        // The fused op reads each head's q, k, v in place from the projection and writes the heads merged.
        float[][] w = keepWeights ? new float[1][] : null;
        Tensor y = llmfs.compute.Attention.causalSelf(qkv.forward(x), heads, w);
        if (w != null) lastWeights = w[0];
        return out.forward(y);
    }
}
