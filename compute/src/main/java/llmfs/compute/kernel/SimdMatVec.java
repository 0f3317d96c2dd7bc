package llmfs.compute.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MatVec} on the Vector API; loaded only after {@link Simd#available()} said yes. A panel is four vectors
 * wide: for one row its four accumulators stay in registers while the panel's weights stream past once (one
 * broadcast of x[k] and four multiply-adds per k). With 512-bit vectors, rows go four at a time (16 accumulators),
 * so a prompt or a slid window reads each weight once per four rows instead of once per row.
 */
final class SimdMatVec implements MatVec {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int P = 4 * L;
    /** Four rows need 16 accumulators + 4 weights + a broadcast: only AVX-512's 32 registers hold them. */
    private static final boolean FOUR_ROWS = S.vectorBitSize() >= 512;

    @Override
    public int panelWidth() {
        return P;
    }

    @Override
    public String name() {
        return "simd-" + S.vectorBitSize();
    }

    @Override
    public void multiply(PackedMatrix m, float[] x, int xo, int rows, float[] y, int yo, boolean accumulate) {
        MatVecArgs.check(m, x, xo, rows, y, yo, P);
        int r = 0;
        if (FOUR_ROWS) {
            for (; r + 4 <= rows; r += 4) four(m, x, xo + r * m.in, y, yo + r * m.out, accumulate);
        }
        for (; r < rows; r++) one(m, x, xo + r * m.in, y, yo + r * m.out, accumulate);
    }

    private static FloatVector start(PackedMatrix m, int col) {
        return m.bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, m.bias, col);
    }

    /**
     * Writes the lanes of {@code a} that fall inside the row (adding the old values when accumulating). A partial
     * vector (only a vocabulary's last columns) goes through a small array: masked loads and stores are not
     * compiled to single instructions on every JDK this runs on.
     */
    private static void put(FloatVector a, float[] y, int yr, int col, int out, boolean accumulate) {
        int n = out - col;
        if (n >= L) {
            if (accumulate) a = a.add(FloatVector.fromArray(S, y, yr + col));
            a.intoArray(y, yr + col);
        } else if (n > 0) {
            float[] lanes = new float[L];
            a.intoArray(lanes, 0);
            for (int i = 0; i < n; i++) y[yr + col + i] = accumulate ? y[yr + col + i] + lanes[i] : lanes[i];
        }
    }

    /**
     * One row. Two steps of k per iteration into two sets of accumulators, summed at the end: eight independent
     * chains keep more weight loads in flight (the weights come from L3, not L1) and measured about a third faster
     * than four chains.
     */
    private static void one(PackedMatrix m, float[] x, int xr, float[] y, int yr, boolean accumulate) {
        int in = m.in, out = m.out, even = in & ~1;
        float[] w = m.w;
        for (int q = 0; q < m.panels; q++) {
            int c0 = q * P, wo = q * P * in;
            FloatVector a0 = start(m, c0), a1 = start(m, c0 + L), a2 = start(m, c0 + 2 * L),
                    a3 = start(m, c0 + 3 * L);
            FloatVector b0 = FloatVector.zero(S), b1 = b0, b2 = b0, b3 = b0;
            for (int k = 0; k < even; k += 2, wo += 2 * P) {
                FloatVector v = FloatVector.broadcast(S, x[xr + k]);
                FloatVector u = FloatVector.broadcast(S, x[xr + k + 1]);
                a0 = FloatVector.fromArray(S, w, wo).fma(v, a0);
                a1 = FloatVector.fromArray(S, w, wo + L).fma(v, a1);
                a2 = FloatVector.fromArray(S, w, wo + 2 * L).fma(v, a2);
                a3 = FloatVector.fromArray(S, w, wo + 3 * L).fma(v, a3);
                b0 = FloatVector.fromArray(S, w, wo + P).fma(u, b0);
                b1 = FloatVector.fromArray(S, w, wo + P + L).fma(u, b1);
                b2 = FloatVector.fromArray(S, w, wo + P + 2 * L).fma(u, b2);
                b3 = FloatVector.fromArray(S, w, wo + P + 3 * L).fma(u, b3);
            }
            if (even < in) {
                FloatVector v = FloatVector.broadcast(S, x[xr + even]);
                a0 = FloatVector.fromArray(S, w, wo).fma(v, a0);
                a1 = FloatVector.fromArray(S, w, wo + L).fma(v, a1);
                a2 = FloatVector.fromArray(S, w, wo + 2 * L).fma(v, a2);
                a3 = FloatVector.fromArray(S, w, wo + 3 * L).fma(v, a3);
            }
            put(a0.add(b0), y, yr, c0, out, accumulate);
            put(a1.add(b1), y, yr, c0 + L, out, accumulate);
            put(a2.add(b2), y, yr, c0 + 2 * L, out, accumulate);
            put(a3.add(b3), y, yr, c0 + 3 * L, out, accumulate);
        }
    }

    private static void four(PackedMatrix m, float[] x, int xr, float[] y, int yr, boolean accumulate) {
        int in = m.in, out = m.out;
        float[] w = m.w;
        int x1 = xr + in, x2 = xr + 2 * in, x3 = xr + 3 * in;
        for (int q = 0; q < m.panels; q++) {
            int c0 = q * P, wo = q * P * in;
            FloatVector b0 = start(m, c0), b1 = start(m, c0 + L), b2 = start(m, c0 + 2 * L),
                    b3 = start(m, c0 + 3 * L);
            FloatVector a00 = b0, a01 = b1, a02 = b2, a03 = b3, a10 = b0, a11 = b1, a12 = b2, a13 = b3;
            FloatVector a20 = b0, a21 = b1, a22 = b2, a23 = b3, a30 = b0, a31 = b1, a32 = b2, a33 = b3;
            for (int k = 0; k < in; k++, wo += P) {
                FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                        w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
                FloatVector v = FloatVector.broadcast(S, x[xr + k]);
                a00 = w0.fma(v, a00);
                a01 = w1.fma(v, a01);
                a02 = w2.fma(v, a02);
                a03 = w3.fma(v, a03);
                v = FloatVector.broadcast(S, x[x1 + k]);
                a10 = w0.fma(v, a10);
                a11 = w1.fma(v, a11);
                a12 = w2.fma(v, a12);
                a13 = w3.fma(v, a13);
                v = FloatVector.broadcast(S, x[x2 + k]);
                a20 = w0.fma(v, a20);
                a21 = w1.fma(v, a21);
                a22 = w2.fma(v, a22);
                a23 = w3.fma(v, a23);
                v = FloatVector.broadcast(S, x[x3 + k]);
                a30 = w0.fma(v, a30);
                a31 = w1.fma(v, a31);
                a32 = w2.fma(v, a32);
                a33 = w3.fma(v, a33);
            }
            int y1 = yr + out, y2 = yr + 2 * out, y3 = yr + 3 * out;
            put(a00, y, yr, c0, out, accumulate);
            put(a01, y, yr, c0 + L, out, accumulate);
            put(a02, y, yr, c0 + 2 * L, out, accumulate);
            put(a03, y, yr, c0 + 3 * L, out, accumulate);
            put(a10, y, y1, c0, out, accumulate);
            put(a11, y, y1, c0 + L, out, accumulate);
            put(a12, y, y1, c0 + 2 * L, out, accumulate);
            put(a13, y, y1, c0 + 3 * L, out, accumulate);
            put(a20, y, y2, c0, out, accumulate);
            put(a21, y, y2, c0 + L, out, accumulate);
            put(a22, y, y2, c0 + 2 * L, out, accumulate);
            put(a23, y, y2, c0 + 3 * L, out, accumulate);
            put(a30, y, y3, c0, out, accumulate);
            put(a31, y, y3, c0 + L, out, accumulate);
            put(a32, y, y3, c0 + 2 * L, out, accumulate);
            put(a33, y, y3, c0 + 3 * L, out, accumulate);
        }
    }
}
