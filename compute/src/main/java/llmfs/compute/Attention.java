package llmfs.compute;

/** Public entry to the fused causal attention that also returns the attention weights (for heatmaps). */
public final class Attention {
    private Attention() {}

    /**
     * Causal attention of q, k, v ({@code [..., T, D]}); {@code weightsOut[0]} receives the weights
     * {@code [heads, T, T]}.
     */
    public static Tensor causal(Tensor q, Tensor k, Tensor v, float[][] weightsOut) {
        return AttentionOp.causal(q, k, v, weightsOut);
    }

    /**
     * Causal self-attention of {@code heads} heads from a fused projection {@code qkv} [B, T, 3·dim] (queries, keys
     * and values, each [heads, dim/heads] per position) to [B, T, dim] with the heads merged; the same values as
     * splitting the heads, {@link #causal} and merging them, without the copies. {@code weightsOut}, if not null,
     * receives the weights [B·heads, T, T].
     */
    public static Tensor causalSelf(Tensor qkv, int heads, float[][] weightsOut) {
        return AttentionOp.causalSelf(qkv, heads, weightsOut);
    }
}
