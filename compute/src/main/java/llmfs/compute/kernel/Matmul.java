package llmfs.compute.kernel;

/**
 * Single-precision matrix multiply on flat row-major arrays, in the style of BLAS {@code sgemm}.
 *
 * <p>Computes {@code C[m,n] = op(A)[m,k] · op(B)[k,n]}, or adds the product to C when {@code accumulate}.
 * Element {@code (i,j)} of a row-major matrix X with leading dimension {@code ldx} lives at
 * {@code x[xOff + i*ldx + j]}. {@code op(A)} is A itself, stored m x k, or with {@code transA} the transpose
 * of an A stored k x m; likewise for B (stored k x n, or n x k with {@code transB}). When {@code accumulate} is
 * false the previous contents of C are ignored (never read). C must not overlap A or B.
 */
public interface Matmul {

    /**
     * One product: {@code C (=|+=) op(A) · op(B)}.
     *
     * @param transA     A is stored k x m and used transposed
     * @param transB     B is stored n x k and used transposed
     * @param m          rows of C
     * @param n          columns of C
     * @param k          the shared (summed) dimension
     * @param lda        row stride of A as stored (at least its stored row length)
     * @param ldb        row stride of B as stored
     * @param ldc        row stride of C (at least n)
     * @param accumulate add to C instead of overwriting it
     * @throws IllegalArgumentException when a size, stride or offset does not fit the arrays
     */
    void sgemm(boolean transA, boolean transB, int m, int n, int k,
               float[] a, int aOff, int lda,
               float[] b, int bOff, int ldb,
               float[] c, int cOff, int ldc,
               boolean accumulate);

    /**
     * {@code batch} independent products with the same shapes; product {@code i} uses the offsets
     * {@code aOff + i*strideA}, {@code bOff + i*strideB} and {@code cOff + i*strideC}. A stride of 0 reuses
     * one matrix for every product (for C that only makes sense with {@code accumulate}: the products are then
     * summed into it).
     */
    default void sgemmBatched(boolean transA, boolean transB, int m, int n, int k,
                              float[] a, int aOff, int lda,
                              float[] b, int bOff, int ldb,
                              float[] c, int cOff, int ldc,
                              boolean accumulate, int batch, long strideA, long strideB, long strideC) {
        MatmulArgs.checkBatch(batch, strideA, strideB, strideC);
        for (int i = 0; i < batch; i++) {
            sgemm(transA, transB, m, n, k,
                    a, MatmulArgs.offset(aOff, i, strideA), lda,
                    b, MatmulArgs.offset(bOff, i, strideB), ldb,
                    c, MatmulArgs.offset(cOff, i, strideC), ldc,
                    accumulate);
        }
    }

    /** A short name for tables and messages, e.g. {@code "simd"}. */
    String name();
}
