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
    private final int dim;
    private float[] lastWeights;
    private boolean keepWeights;

    public CausalSelfAttention(int dim, int heads, Rng rng) {
        if (dim % heads != 0) {
            throw new IllegalArgumentException("model width " + dim + " is not divisible by " + heads + " heads");
        }
        this.dim = dim;
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
        int b = x.size(0), t = x.size(1), hd = dim / heads;
        Tensor p = qkv.forward(x).view(b, t, 3, heads, hd).permute(2, 0, 3, 1, 4); // [3, B, H, T, hd]
        Tensor q = p.slice(0, 1).view(b, heads, t, hd);
        Tensor k = p.slice(1, 2).view(b, heads, t, hd);
        Tensor v = p.slice(2, 3).view(b, heads, t, hd);
        Tensor y = keepWeights ? attentionKeeping(q, k, v) : q.causalAttention(k, v);
        return out.forward(y.permute(0, 2, 1, 3).view(b, t, dim));
    }

    private Tensor attentionKeeping(Tensor q, Tensor k, Tensor v) {
        float[][] w = new float[1][];
        Tensor y = llmfs.compute.Attention.causal(q, k, v, w);
        lastWeights = w[0];
        return y;
    }
}
