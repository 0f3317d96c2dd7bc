package llmfs.compute.kernel;

/** When and how a batch of small products may be spread over threads one whole product at a time. */
final class BatchSplit {

    /** Multiply-adds worth handing to another thread. */
    private static final long MIN_FMAS_PER_CHUNK = 1L << 15;

    private BatchSplit() {
    }

    /**
     * Whether the C matrices of a batch (each m x n with row stride ldc, matrix i shifted by i*strideC) are
     * pairwise disjoint, so products can run concurrently. Interleaved layouts (heads side by side in one row)
     * count as disjoint when no element is shared.
     */
    static boolean disjoint(int m, int n, int ldc, long strideC, int batch) {
        if (m == 0 || n == 0 || batch <= 1) return true;
        if (strideC == 0) return false;
        if (m == 1) return strideC >= n;
        long span = (long) (m - 1) * ldc + n;
        // By symmetry it is enough to compare matrix 0 with matrix i, shifted by d = i*strideC >= 0.
        for (long i = 1; i < batch; i++) {
            long d = i * strideC;
            if (d >= span) break;
            // Row r of matrix i meets row r' of matrix 0 iff |d - q*ldc| < n with q = r' - r, |q| <= m-1;
            // the nearest q to d/ldc decides.
            long q0 = Math.min(d / ldc, m - 1);
            long q1 = Math.min(d / ldc + 1, m - 1);
            if (Math.abs(d - q0 * ldc) < n || Math.abs(d - q1 * ldc) < n) return false;
        }
        return true;
    }

    /** Products per chunk so that a chunk has enough work to be worth a thread. */
    static int grain(int m, int n, int k) {
        long fmas = Math.max(1L, (long) m * n * Math.max(k, 1));
        return (int) Math.max(1L, Math.min(Integer.MAX_VALUE, MIN_FMAS_PER_CHUNK / fmas));
    }
}
