package llmfs.compute.kernel;

import java.util.Arrays;

/**
 * Cache-blocked, multi-threaded matmul in plain Java (no Vector API): the fallback when the JVM runs without
 * {@code jdk.incubator.vector}.
 *
 * <p>For each block of the shared dimension (KC) and of columns (NC), the rows of op(B) are copied into separate
 * arrays that stay in cache, and threads take groups of C rows. Four rows of C are accumulated at a time, as
 * {@code acc[r][j] += a[i+r][p] * b[p][j]}, so each loaded element of B serves four rows. The loops run over
 * arrays that all start at index 0: that is the shape the JIT turns into vector instructions (with an offset
 * into a shared array it falls back to one float at a time, several times slower).
 */
public final class BlockedMatmul implements Matmul {

    private static final int KC = 256;
    /** Columns per block: four accumulator rows plus a row of B stay within the L1 cache. */
    private static final int NC = 512;
    /** Rows of C per parallel chunk, at least. */
    private static final int ROW_GRAIN = 16;
    private static final long PARALLEL_MIN_FMAS = 1L << 17;

    /** Per-thread buffers, grown on demand and reused by every call. */
    private static final class Workspace {
        float[][] packedB = new float[0][];
        final float[][] acc = new float[4][];
    }

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
                      float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb,
                      float[] c, int cOff, int ldc,
                      boolean accumulate) {
        MatmulArgs.check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (m == 0 || n == 0) return;
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            }
            return;
        }
        boolean parallel = Parallel.threads() > 1 && (long) m * n * k >= PARALLEL_MIN_FMAS;
        int kcMax = Math.min(KC, k);
        int ncMax = Math.min(NC, n);
        Workspace ws = WORKSPACE.get();
        if (ws.packedB.length < kcMax || ws.packedB[0].length < ncMax) {
            ws.packedB = new float[kcMax][ncMax];
        }
        float[][] packed = ws.packedB;
        // Element (i, p) of op(A) is at a[aOff + i*aRow + p*aCol].
        int aRow = transA ? 1 : lda;
        int aCol = transA ? lda : 1;
        for (int jc = 0; jc < n; jc += NC) {
            int nb = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kb = Math.min(KC, k - pc);
                int j0 = jc, p0 = pc;
                boolean add = accumulate || pc > 0;
                Parallel.RangeBody pack = (from, to) -> {
                    for (int p = from; p < to; p++) {
                        float[] dst = packed[p];
                        if (!transB) {
                            System.arraycopy(b, bOff + (p0 + p) * ldb + j0, dst, 0, nb);
                        } else {
                            int src = bOff + j0 * ldb + p0 + p;
                            for (int j = 0; j < nb; j++) dst[j] = b[src + j * ldb];
                        }
                    }
                };
                Parallel.RangeBody rows = (from, to) -> {
                    float[][] acc = accumulators(nb);
                    for (int i = from; i < to; i += 4) {
                        int count = Math.min(4, to - i);
                        multiplyRows(a, aOff + i * aRow + p0 * aCol, aRow, aCol, count, kb, packed, nb, acc);
                        for (int r = 0; r < count; r++) {
                            int ci = cOff + (i + r) * ldc + j0;
                            float[] x = acc[r];
                            if (add) {
                                for (int j = 0; j < nb; j++) c[ci + j] += x[j];
                            } else {
                                System.arraycopy(x, 0, c, ci, nb);
                            }
                        }
                    }
                };
                if (parallel) {
                    Parallel.forRange(kb, 16, pack);
                    Parallel.forRange(m, ROW_GRAIN, rows);
                } else {
                    pack.run(0, kb);
                    rows.run(0, m);
                }
            }
        }
    }

    /** The executing thread's four accumulator rows, at least {@code nb} long. */
    private static float[][] accumulators(int nb) {
        float[][] acc = WORKSPACE.get().acc;
        if (acc[0] == null || acc[0].length < nb) {
            for (int r = 0; r < 4; r++) acc[r] = new float[Math.max(nb, NC)];
        }
        return acc;
    }

    /**
     * {@code acc[r][0..nb) = sum over p of A(r, p) * packed[p][0..nb)} for {@code count <= 4} rows, where A(r, p)
     * is {@code a[ai + r*aRow + p*aCol]}.
     */
    private static void multiplyRows(float[] a, int ai, int aRow, int aCol, int count, int kb, float[][] packed,
                                     int nb, float[][] acc) {
        float[] c0 = acc[0], c1 = acc[1], c2 = acc[2], c3 = acc[3];
        for (int r = 0; r < count; r++) Arrays.fill(acc[r], 0, nb, 0f);
        if (count == 4) {
            for (int p = 0; p < kb; p++) {
                int ap = ai + p * aCol;
                float s0 = a[ap], s1 = a[ap + aRow], s2 = a[ap + 2 * aRow], s3 = a[ap + 3 * aRow];
                float[] bp = packed[p];
                for (int j = 0; j < nb; j++) {
                    float x = bp[j];
                    c0[j] += s0 * x;
                    c1[j] += s1 * x;
                    c2[j] += s2 * x;
                    c3[j] += s3 * x;
                }
            }
        } else {
            for (int r = 0; r < count; r++) {
                float[] cr = acc[r];
                for (int p = 0; p < kb; p++) {
                    float s = a[ai + r * aRow + p * aCol];
                    float[] bp = packed[p];
                    for (int j = 0; j < nb; j++) cr[j] += s * bp[j];
                }
            }
        }
    }

    @Override
    public String name() {
        return "blocked";
    }
}
