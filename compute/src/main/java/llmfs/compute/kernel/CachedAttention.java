package llmfs.compute.kernel;

/**
 * One query's causal attention over a key/value cache, every head: what a sampler does per generated token and
 * layer. The keys are stored transposed ({@code keysT[c·stride + j]} is channel c of position j), so one head's
 * scores over all positions are {@code dim/heads} multiply-adds along whole vectors of positions with no
 * horizontal sums; the values are stored a row per position ({@code values[j·dim + c]}). Two twins:
 * {@link ScalarCachedAttention} and a Vector API one; {@link #best()} picks.
 */
public interface CachedAttention {

    /**
     * out[oo + c] for every channel c: for each head, softmax(scale · q_h·k_h(j)) over positions j in [0, n), times
     * the values.
     *
     * @param stride positions per key row: at least {@code n} rounded up to a multiple of 16 (entries past
     *               {@code n} are read but never used)
     * @param scores scratch of at least {@code stride} floats
     */
    void attend(float[] q, int qo, float[] keysT, int stride, float[] values, int dim, int heads, int n, float scale,
                float[] scores, float[] out, int oo);

    String name();

    /** The Vector API twin when it is available, else the scalar one. */
    static CachedAttention best() {
        return Simd.available() ? SimdCachedAttentionHolder.INSTANCE : new ScalarCachedAttention();
    }
}

/** Loaded only when the Vector API is present, so the interface itself never links against it. */
final class SimdCachedAttentionHolder {
    static final CachedAttention INSTANCE = new SimdCachedAttention();

    private SimdCachedAttentionHolder() {}
}
