package llmfs.compute.kernel;

import llmfs.compute.backend.BinaryOp;
import llmfs.compute.backend.UnaryOp;

/**
 * Elementwise loops over array ranges, in two twins: {@link ScalarElementwise} (plain Java) and
 * {@link SimdElementwise} (Vector API, whose tanh/exp/log are the JVM's vectorised intrinsics — about 50× faster
 * than {@code Math.tanh} here). The Java backend splits work across threads and calls one of these per chunk.
 */
public interface Elementwise {

    String name();

    /** y[i] = f(x[i]) for i in [from, to). */
    void unary(UnaryOp op, float[] x, float[] y, int from, int to, float param);

    /** gx[i] += f'(x[i]) · gy[i] for i in [from, to); y = f(x). */
    void unaryBackward(UnaryOp op, float[] x, float[] y, float[] gy, float[] gx, int from, int to, float param);

    /** out[o+i] = a[ao+i] ∘ b[bo+i] for i < n. */
    void binary(BinaryOp op, float[] a, int ao, float[] b, int bo, float[] out, int oo, int n);

    /** y[yo+i] += alpha · x[xo+i] for i < n. */
    void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n);

    /** Largest of x[o..o+n). */
    float max(float[] x, int o, int n);

    /** y[yo+i] = exp(x[xo+i] − shift) for i < n; returns the sum of those values. */
    float expShifted(float[] x, int xo, float shift, float[] y, int yo, int n);

    /** x[o+i] *= s for i < n. */
    void scale(float[] x, int o, int n, float s);

    /**
     * One row of causal attention weights, in place: x[o..o+n) becomes softmax(scale·x[o..o+n)) and
     * x[o+n..o+width) becomes 0 (the positions a query may not see).
     */
    void causalSoftmaxRow(float[] x, int o, int n, int width, float scale);

    /**
     * Backward of {@link #causalSoftmaxRow}: with y the row's weights (0 past n) and g the gradient of the weights,
     * g[go+j] = y[yo+j]·(g[go+j] − Σ y·g)·scale for j &lt; n and 0 for n &lt;= j &lt; width.
     */
    void causalSoftmaxRowBackward(float[] y, int yo, float[] g, int go, int n, int width, float scale);

    /** Σ a[ao+i]·b[bo+i]. */
    float dot(float[] a, int ao, float[] b, int bo, int n);

    /**
     * Layer norm of one row x[o..o+n): y = (x − mean)·rstd·gamma + beta. Returns {mean, rstd}; the variance is the
     * mean squared deviation from the mean (two passes, so a large mean does not cancel the variance away).
     */
    float[] layerNormRow(float[] x, int o, int n, float[] gamma, float[] beta, float[] y, float eps);

    /**
     * Backward of {@link #layerNormRow} for one row: gx[o..] += rstd·(gy·gamma − mean(gy·gamma) − xhat·mean(gy·gamma·xhat));
     * gGamma[c] += gy·xhat and gBeta[c] += gy accumulate this row's share.
     */
    void layerNormRowBackward(float[] gy, float[] x, int o, int n, float[] gamma, float mean, float rstd, float[] gx,
                              float[] gGamma, float[] gBeta);

    /** One AdamW update of p[from, to); see {@code Backend.adamw}. */
    void adamw(float[] p, float[] g, float[] m, float[] v, int from, int to, float lr, float beta1, float beta2,
               float eps, float decay, float bc1, float bc2);

    /** The SIMD twin when the Vector API is available, else the scalar one. */
    static Elementwise best() {
        return Simd.available() ? SimdElementwiseHolder.INSTANCE : new ScalarElementwise();
    }
}

/** Loaded only when the Vector API is present, so the interface itself never links against it. */
final class SimdElementwiseHolder {
    static final Elementwise INSTANCE = new SimdElementwise();

    private SimdElementwiseHolder() {}
}
