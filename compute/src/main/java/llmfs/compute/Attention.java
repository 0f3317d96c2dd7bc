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
}
