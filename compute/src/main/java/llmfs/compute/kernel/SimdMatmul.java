package llmfs.compute.kernel;

/**
 * The fast kernel: packed, register-blocked, multi-threaded matmul on the Java Vector API
 * ({@code jdk.incubator.vector}), using the machine's preferred vector width.
 *
 * <p>Needs a JVM started with {@code --add-modules jdk.incubator.vector}; check {@link Simd#available()} first,
 * or let {@link Simd#best()} choose. This class names no vector types itself, so merely loading it is safe.
 */
public final class SimdMatmul implements Matmul {

    /** Batches of products smaller than this many multiply-adds each are spread over threads whole. */
    private static final long SMALL_PRODUCT_FMAS = 1L << 18;

    /**
     * @throws IllegalStateException when the Vector API is not available in this JVM
     */
    public SimdMatmul() {
        if (!Simd.available()) {
            throw new IllegalStateException("The SIMD matmul cannot run in this JVM (" + Simd.describe()
                    + "). Use Simd.best() to get the fastest matmul this JVM can run.");
        }
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
                      float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb,
                      float[] c, int cOff, int ldc,
                      boolean accumulate) {
        MatmulArgs.check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        SimdKernel.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate, true);
    }

    /**
     * As the interface describes; when the products are small and write disjoint parts of C, whole products
     * are spread over the threads instead of splitting each one.
     */
    @Override
    public void sgemmBatched(boolean transA, boolean transB, int m, int n, int k,
                             float[] a, int aOff, int lda,
                             float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc,
                             boolean accumulate, int batch, long strideA, long strideB, long strideC) {
        MatmulArgs.checkBatch(batch, strideA, strideB, strideC);
        if (batch <= 1 || (long) m * n * k >= SMALL_PRODUCT_FMAS || !BatchSplit.disjoint(m, n, ldc, strideC, batch)) {
            Matmul.super.sgemmBatched(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc,
                    accumulate, batch, strideA, strideB, strideC);
            return;
        }
        // Check every product up front so a bad stride fails before any C is written.
        for (int i = 0; i < batch; i++) {
            MatmulArgs.check(transA, transB, m, n, k,
                    a, MatmulArgs.offset(aOff, i, strideA), lda,
                    b, MatmulArgs.offset(bOff, i, strideB), ldb,
                    c, MatmulArgs.offset(cOff, i, strideC), ldc);
        }
        Parallel.forRange(batch, BatchSplit.grain(m, n, k), (from, to) -> {
            for (int i = from; i < to; i++) {
                SimdKernel.gemm(transA, transB, m, n, k,
                        a, (int) (aOff + i * strideA), lda,
                        b, (int) (bOff + i * strideB), ldb,
                        c, (int) (cOff + i * strideC), ldc,
                        accumulate, false);
            }
        });
    }

    @Override
    public String name() {
        return "simd";
    }
}
