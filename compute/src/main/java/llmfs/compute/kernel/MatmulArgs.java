package llmfs.compute.kernel;

import java.util.Objects;

/**
 * Argument checks shared by every {@link Matmul}: sizes, strides, offsets and array lengths, with messages that
 * say which operand is wrong and how. Kernels check once up front so their inner loops can trust the indices.
 */
final class MatmulArgs {

    private MatmulArgs() {
    }

    static void check(boolean transA, boolean transB, int m, int n, int k,
                      float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb,
                      float[] c, int cOff, int ldc) {
        Objects.requireNonNull(a, "sgemm: array a is null");
        Objects.requireNonNull(b, "sgemm: array b is null");
        Objects.requireNonNull(c, "sgemm: array c is null");
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("sgemm: sizes must be >= 0, got m=" + m + " n=" + n + " k=" + k);
        }
        int aRows = transA ? k : m, aCols = transA ? m : k;
        int bRows = transB ? n : k, bCols = transB ? k : n;
        if (m == 0 || n == 0) {
            return; // nothing is read or written
        }
        region("C", "ldc", "", c, cOff, m, n, ldc);
        if (k == 0) {
            return; // A and B are not read
        }
        region("A", "lda", transA ? " (transA: stored k x m)" : " (stored m x k)", a, aOff, aRows, aCols, lda);
        region("B", "ldb", transB ? " (transB: stored n x k)" : " (stored k x n)", b, bOff, bRows, bCols, ldb);
        if (c == a && overlap(cOff, m, n, ldc, aOff, aRows, aCols, lda)) {
            throw new IllegalArgumentException("sgemm: C overlaps A in the same array; write the result to a "
                    + "separate buffer");
        }
        if (c == b && overlap(cOff, m, n, ldc, bOff, bRows, bCols, ldb)) {
            throw new IllegalArgumentException("sgemm: C overlaps B in the same array; write the result to a "
                    + "separate buffer");
        }
    }

    static void checkBatch(int batch, long strideA, long strideB, long strideC) {
        if (batch < 0) throw new IllegalArgumentException("sgemmBatched: batch must be >= 0, got " + batch);
        if (strideA < 0 || strideB < 0 || strideC < 0) {
            throw new IllegalArgumentException("sgemmBatched: strides must be >= 0, got strideA=" + strideA
                    + " strideB=" + strideB + " strideC=" + strideC);
        }
    }

    /** The offset of matrix {@code i} of a batch, refusing values that do not fit an array index. */
    static int offset(int base, int i, long stride) {
        long off = base + i * stride;
        if (off > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sgemmBatched: matrix " + i + " would start at index " + off
                    + ", beyond the largest Java array");
        }
        return (int) off;
    }

    private static void region(String name, String ldName, String how, float[] x, int off, int rows, int cols,
                               int ld) {
        if (rows > 1 && ld < cols) {
            throw new IllegalArgumentException("sgemm: " + name + " is " + rows + " x " + cols + how + ", so "
                    + ldName + " (its row stride) must be at least " + cols + ", got " + ld);
        }
        if (ld < 1) {
            throw new IllegalArgumentException("sgemm: " + ldName + " must be >= 1, got " + ld);
        }
        if (off < 0) {
            throw new IllegalArgumentException("sgemm: offset of " + name + " must be >= 0, got " + off);
        }
        long last = off + (long) (rows - 1) * ld + cols - 1;
        if (last >= x.length) {
            throw new IllegalArgumentException("sgemm: " + name + " is " + rows + " x " + cols + how + " with "
                    + ldName + "=" + ld + " from offset " + off + ", which reaches index " + last
                    + " but the array has only " + x.length + " elements");
        }
    }

    /** Whether two strided row-major regions of one array share an element. */
    static boolean overlap(int off1, int rows1, int cols1, int ld1, int off2, int rows2, int cols2, int ld2) {
        long end1 = off1 + (long) (rows1 - 1) * ld1 + cols1;
        long end2 = off2 + (long) (rows2 - 1) * ld2 + cols2;
        if (end1 <= off2 || end2 <= off1) return false; // even the spans are disjoint
        if (rows2 == 1) ld2 = Math.max(ld2, cols2); // a single row's stride is never used
        for (int i = 0; i < rows1; i++) {
            long s = off1 + (long) i * ld1; // row i of region 1 covers [s, s + cols1)
            // rows r of region 2 with off2 + r*ld2 < s + cols1 and off2 + r*ld2 + cols2 > s
            long rHi = Math.floorDiv(s + cols1 - 1 - off2, (long) ld2);
            long rLo = -Math.floorDiv(-(s - off2 - cols2 + 1), (long) ld2); // ceiling division
            if (Math.max(rLo, 0) <= Math.min(rHi, rows2 - 1)) return true;
        }
        return false;
    }
}
