package llmfs.compute.kernel;

/**
 * The reference kernel: plain loops on one thread, written to be read and trusted rather than to be fast.
 *
 * <p>For {@code B} stored k x n the loop order is i-k-j, so the innermost loop walks rows of B and C
 * contiguously. For a transposed B the innermost loop is a dot product along contiguous rows of A (when not
 * transposed) and B. Sums are accumulated in float, like every other kernel.
 */
public final class ScalarMatmul implements Matmul {

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
                      float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb,
                      float[] c, int cOff, int ldc,
                      boolean accumulate) {
        MatmulArgs.check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        // Element strides of op(A): A[i][p] = a[aOff + i*aRow + p*aCol].
        int aRow = transA ? 1 : lda;
        int aCol = transA ? lda : 1;
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            int ai = aOff + i * aRow;
            if (!transB) {
                if (!accumulate) {
                    for (int j = 0; j < n; j++) c[ci + j] = 0f;
                }
                for (int p = 0; p < k; p++) {
                    float aip = a[ai + p * aCol];
                    int bp = bOff + p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += aip * b[bp + j];
                    }
                }
            } else {
                for (int j = 0; j < n; j++) {
                    int bj = bOff + j * ldb;
                    float sum = 0f;
                    for (int p = 0; p < k; p++) {
                        sum += a[ai + p * aCol] * b[bj + p];
                    }
                    c[ci + j] = accumulate ? c[ci + j] + sum : sum;
                }
            }
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
