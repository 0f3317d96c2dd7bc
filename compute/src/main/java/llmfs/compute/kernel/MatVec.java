package llmfs.compute.kernel;

/**
 * y = x·W + b for one row or a few, on a {@link PackedMatrix}, on the calling thread: the product a sampler needs
 * per generated token, where a general matmul's packing, threading and tensor bookkeeping would cost more than the
 * arithmetic. Two twins: {@link ScalarMatVec} (plain Java) and a Vector API one; {@link #best()} picks.
 */
public interface MatVec {

    /** Columns per panel the matrices for this kernel must be packed with. */
    int panelWidth();

    /** Packs W [in, out] row-major and its bias (or null) for this kernel. */
    default PackedMatrix pack(float[] w, float[] bias, int in, int out) {
        return PackedMatrix.pack(w, bias, in, out, panelWidth());
    }

    /**
     * For each of {@code rows} rows r: y[yo + r·out ..] = x[xo + r·in ..]·W + b, plus the old y when
     * {@code accumulate} (a residual connection folded into the product).
     */
    void multiply(PackedMatrix m, float[] x, int xo, int rows, float[] y, int yo, boolean accumulate);

    String name();

    /** The Vector API twin when it is available, else the scalar one. */
    static MatVec best() {
        return Simd.available() ? SimdMatVecHolder.INSTANCE : new ScalarMatVec();
    }
}

/** Loaded only when the Vector API is present, so the interface itself never links against it. */
final class SimdMatVecHolder {
    static final MatVec INSTANCE = new SimdMatVec();

    private SimdMatVecHolder() {}
}
