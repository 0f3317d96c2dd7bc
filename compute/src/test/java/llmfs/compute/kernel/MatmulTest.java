package llmfs.compute.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import llmfs.compute.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel against a float64 triple loop on seeded random data.
 *
 * <p>Tolerance: float32 kernels sum k products in an order of their choosing, so an element may differ from the
 * exact sum by a few float32 rounding steps per term. We allow
 * {@code |err| <= 1e-5 * (k * max|a| * max|b| + max|c0|)} (c0: C's contents before an accumulating call), which is
 * far above that rounding noise yet far below what any wrong, missing or doubled term produces.
 */
class MatmulTest {

    /** The kernels under test; the SIMD one whenever this JVM has the Vector API (the build always adds it). */
    static List<Matmul> kernels() {
        List<Matmul> list = new ArrayList<>(List.of(new ScalarMatmul(), new BlockedMatmul()));
        if (Simd.available()) list.add(new SimdMatmul());
        return list;
    }

    /** m, n, k: tiny, odd, one-sided, and sizes that cross every blocking boundary (KC, MC, NC, threads). */
    static final int[][] SHAPES = {
            {1, 1, 1}, {1, 7, 1}, {1, 40, 1}, {5, 1, 3}, {3, 4, 0}, {2, 3, 1},
            {17, 33, 65}, {130, 3, 257}, {8, 32, 16}, {9, 33, 17}, {64, 96, 80},
            {200, 150, 600}, {40, 70, 1100}, {33, 2100, 5}, {300, 70, 129}, {1030, 70, 40}, {1030, 20, 70},
    };

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Matmul mm : kernels()) {
            for (int[] s : SHAPES) {
                for (int t = 0; t < 4; t++) {
                    out.add(Arguments.of(mm, s[0], s[1], s[2], (t & 2) != 0, (t & 1) != 0));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3} transA={4} transB={5}")
    @MethodSource("cases")
    void matchesFloat64Reference(Matmul mm, int m, int n, int k, boolean transA, boolean transB) {
        long seed = 31L * m + 7L * n + k + (transA ? 1000 : 0) + (transB ? 2000 : 0);
        for (boolean accumulate : new boolean[]{false, true}) {
            // Tight layout, then offsets and leading dimensions larger than a row.
            check(mm, new Rng(seed), m, n, k, transA, transB, accumulate, 0, 0, 0, 0);
            check(mm, new Rng(seed + 1), m, n, k, transA, transB, accumulate, 3, 5, 2, 7);
        }
    }

    /** Runs one product in padded buffers and checks the result and that nothing outside C changed. */
    static void check(Matmul mm, Rng rng, int m, int n, int k, boolean transA, boolean transB,
                      boolean accumulate, int pad, int aOff, int bOff, int cOff) {
        int aRows = transA ? k : m, aCols = transA ? m : k;
        int bRows = transB ? n : k, bCols = transB ? k : n;
        int lda = aCols + pad, ldb = bCols + pad + 1, ldc = n + pad;
        float[] a = random(rng, aOff + Math.max(aRows, 1) * Math.max(lda, 1), 1f);
        float[] b = random(rng, bOff + Math.max(bRows, 1) * Math.max(ldb, 1), 2f);
        float[] c = new float[cOff + m * ldc + 3];
        float[] c0 = random(rng, c.length, 3f);
        System.arraycopy(c0, 0, c, 0, c.length);
        if (!accumulate) {
            // Previous contents of C must be ignored, not merely multiplied by zero.
            for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) c[cOff + i * ldc + j] = Float.NaN;
        }
        mm.sgemm(transA, transB, m, n, k, a, aOff, Math.max(lda, 1), b, bOff, Math.max(ldb, 1), c, cOff,
                Math.max(ldc, 1), accumulate);
        double maxA = maxAbs(a), maxB = maxAbs(b), maxC = accumulate ? maxAbs(c0) : 0;
        double tol = 1e-5 * (k * maxA * maxB + maxC);
        boolean[] inC = new boolean[c.length];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double want = accumulate ? c0[cOff + i * ldc + j] : 0;
                for (int p = 0; p < k; p++) {
                    double x = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double y = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    want += x * y;
                }
                int idx = cOff + i * ldc + j;
                inC[idx] = true;
                float got = c[idx];
                if (!(Math.abs(got - want) <= tol)) {
                    fail(mm.name() + ": C[" + i + "][" + j + "] = " + got + " but float64 reference is " + want
                            + " (tolerance " + tol + ")");
                }
            }
        }
        for (int idx = 0; idx < c.length; idx++) {
            if (!inC[idx] && Float.floatToRawIntBits(c[idx]) != Float.floatToRawIntBits(c0[idx])) {
                fail(mm.name() + ": wrote outside C at array index " + idx);
            }
        }
    }

    static float[] random(Rng rng, int size, float scale) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = rng.uniform(-scale, scale);
        return x;
    }

    static double maxAbs(float[] x) {
        double m = 0;
        for (float v : x) m = Math.max(m, Math.abs(v));
        return m;
    }

    static Stream<Matmul> kernelStream() {
        return kernels().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernelStream")
    void knownSmallProduct(Matmul mm) {
        // [1 2 3; 4 5 6] · [7 8; 9 10; 11 12] = [58 64; 139 154], worked out by hand.
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] b = {7, 8, 9, 10, 11, 12};
        float[] c = new float[4];
        mm.sgemm(false, false, 2, 2, 3, a, 0, 3, b, 0, 2, c, 0, 2, false);
        assertEquals(List.of(58f, 64f, 139f, 154f), List.of(c[0], c[1], c[2], c[3]));
        // The same product from transposed storage, accumulated on top: doubles it.
        float[] at = {1, 4, 2, 5, 3, 6};
        float[] bt = {7, 9, 11, 8, 10, 12};
        mm.sgemm(true, true, 2, 2, 3, at, 0, 2, bt, 0, 3, c, 0, 2, true);
        assertEquals(List.of(116f, 128f, 278f, 308f), List.of(c[0], c[1], c[2], c[3]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernelStream")
    void batchedMatchesOneByOne(Matmul mm) {
        Rng rng = new Rng(99);
        for (int[] s : new int[][]{{3, 5, 4}, {17, 33, 65}, {64, 64, 64}}) {
            int m = s[0], n = s[1], k = s[2], batch = 5;
            for (int t = 0; t < 4; t++) {
                boolean transA = (t & 2) != 0, transB = (t & 1) != 0;
                int lda = transA ? m : k, ldb = transB ? k : n;
                long strideA = (long) m * k + 3, strideB = (long) k * n + 1, strideC = (long) m * n + 2;
                float[] a = random(rng, (int) (2 + strideA * batch), 1f);
                float[] b = random(rng, (int) (1 + strideB * batch), 1f);
                float[] c = random(rng, (int) (4 + strideC * batch), 1f);
                float[] want = c.clone();
                for (int i = 0; i < batch; i++) {
                    new ScalarMatmul().sgemm(transA, transB, m, n, k, a, (int) (2 + i * strideA), lda,
                            b, (int) (1 + i * strideB), ldb, want, (int) (4 + i * strideC), n, true);
                }
                mm.sgemmBatched(transA, transB, m, n, k, a, 2, lda, b, 1, ldb, c, 4, n, true,
                        batch, strideA, strideB, strideC);
                assertClose(want, c, 1e-5 * k, mm.name() + " batched " + m + "x" + n + "x" + k);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernelStream")
    void batchedInterleavedHeadsAndSharedOperands(Matmul mm) {
        // Four "heads" side by side in one row-major [T, 4*d] output, each [T,T]·[T,d]: disjoint but interleaved.
        Rng rng = new Rng(5);
        int t = 24, d = 8, heads = 4;
        float[] att = random(rng, heads * t * t, 1f);
        float[] v = random(rng, t * heads * d, 1f);
        float[] out = new float[t * heads * d];
        mm.sgemmBatched(false, false, t, d, t, att, 0, t, v, 0, heads * d, out, 0, heads * d, false,
                heads, (long) t * t, d, d);
        float[] want = new float[out.length];
        for (int h = 0; h < heads; h++) {
            new ScalarMatmul().sgemm(false, false, t, d, t, att, h * t * t, t, v, h * d, heads * d,
                    want, h * d, heads * d, false);
        }
        assertClose(want, out, 1e-5 * t, mm.name() + " interleaved heads");

        // strideC = 0 with accumulate sums every product into one C (as a weight gradient over a batch does).
        int m = 6, n = 5, k = 7, batch = 9;
        float[] a = random(rng, batch * m * k, 1f);
        float[] b = random(rng, batch * k * n, 1f);
        float[] c = new float[m * n];
        mm.sgemmBatched(false, false, m, n, k, a, 0, k, b, 0, n, c, 0, n, true, batch, (long) m * k,
                (long) k * n, 0);
        float[] sum = new float[m * n];
        for (int i = 0; i < batch; i++) {
            new ScalarMatmul().sgemm(false, false, m, n, k, a, i * m * k, k, b, i * k * n, n, sum, 0, n, true);
        }
        assertClose(sum, c, 1e-5 * k * batch, mm.name() + " strideC=0");
    }

    static void assertClose(float[] want, float[] got, double tol, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            if (!(Math.abs(want[i] - got[i]) <= tol * Math.max(1, Math.abs(want[i])))) {
                fail(what + ": index " + i + " want " + want[i] + " got " + got[i]);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernelStream")
    void badArgumentsAreRejectedWithAClearMessage(Matmul mm) {
        float[] a = new float[12], b = new float[12], c = new float[12];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mm.sgemm(false, false, 3, 3, 4, a, 0, 3, b, 0, 3, c, 0, 3, false));
        assertTrue(e.getMessage().contains("lda") && e.getMessage().contains("at least 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> mm.sgemm(false, false, 3, 4, 4, a, 0, 4, b, 0, 4, c, 0, 4, false));
        assertTrue(e.getMessage().contains("B") && e.getMessage().contains("12 elements"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> mm.sgemm(false, false, 2, 2, 2, a, 0, 2, b, 0, 2, a, 2, 2, false));
        assertTrue(e.getMessage().contains("overlaps A"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> mm.sgemm(false, false, -1, 2, 2, a, 0, 2, b, 0, 2, c, 0, 2, false));
        assertTrue(e.getMessage().contains("m=-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> mm.sgemmBatched(false, false, 2, 2, 2, a, 0, 2, b, 0, 2, c, 0, 2, false, 3, 4, 4, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernelStream")
    void emptySharedDimensionGivesZerosOrLeavesC(Matmul mm) {
        float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        mm.sgemm(false, false, 2, 2, 0, new float[0], 0, 1, new float[0], 0, 2, c, 0, 2, false);
        assertEquals(List.of(0f, 0f, 0f, 0f), List.of(c[0], c[1], c[2], c[3]));
        float[] d = {1, 2, 3, 4};
        mm.sgemm(false, false, 2, 2, 0, new float[0], 0, 1, new float[0], 0, 2, d, 0, 2, true);
        assertEquals(List.of(1f, 2f, 3f, 4f), List.of(d[0], d[1], d[2], d[3]));
    }
}
