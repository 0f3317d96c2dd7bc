package llmfs.compute.backend;

import llmfs.compute.Rng;
import llmfs.compute.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every {@link Backend} method on a backend under test against {@link ScalarBackend}, with the
 * same random inputs, forward and backward, over awkward shapes (1, odd sizes, sizes that are not multiples of the
 * kernels' tiles, 65, and the [2048x40]·[40x256] shape of Part 1 training).
 *
 * <p>Tolerances (float32 rounding; ε = 2^-24 ≈ 6e-8):
 * <ul>
 * <li>matrix products: |err| ≤ 2e-6·Σ_p|a_ip·b_pj| + 1e-6·|c_ij before| — both backends add the k products in the
 *     same order and differ only where the device fuses multiply-add, a few ε per term of the absolute sum;</li>
 * <li>elementwise: |err| ≤ 2e-6·|ref| + 2e-7 (device exp/log/tanh are within a few ulp);</li>
 * <li>sumTo: |err| ≤ 2e-6·(Σ|x| over the summed elements + |y before|) + 1e-6 (float sums, partly as trees,
 *     against the reference's double sums);</li>
 * <li>row operations (softmax, cross-entropy, layer norm, attention): |err| ≤ 1e-5·|ref| plus a small absolute
 *     floor that grows with the row length where a row sum enters every element.</li>
 * </ul>
 * Inputs come from {@link Rng} seeded with {@code llmfs.seed} (default below), which every failure message prints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendParity {
    protected static final long SEED = Long.getLong("llmfs.seed", 20250611L);

    /** The backend under test (named {@code cl} for brevity in the checks below). */
    protected Backend cl;
    protected final ScalarBackend ref = new ScalarBackend();

    /** The backend to compare with the scalar reference, or a skip (assumption) when it is unavailable. */
    protected abstract Backend backendUnderTest();

    /**
     * Runs {@code check} once per kernel variant the backend can choose between (e.g. OpenCL's matmul paths),
     * restoring its automatic choice afterwards. Most backends have one variant.
     */
    protected void forEachMatmulVariant(java.util.function.Consumer<String> check) {
        check.accept(cl.name());
    }

    @BeforeAll
    void start() {
        cl = backendUnderTest();
        System.err.println(getClass().getSimpleName() + ": parity tests on " + cl.description() + " (seed " + SEED + ")");
    }

    // ---------------------------------------------------------------- support

    /** The same values on both backends. */
    record Twin(Buffer s, Buffer c, int n) {}

    Twin twin(float[] v) {
        return new Twin(ref.upload(v, 0, v.length), cl.upload(v, 0, v.length), v.length);
    }

    float[] rand(Rng rng, int n, float lo, float hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = rng.uniform(lo, hi);
        return v;
    }

    float[] gauss(Rng rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) rng.nextGaussian();
        return v;
    }

    static float[] down(Buffer b, int n) {
        float[] out = new float[n];
        b.backend().download(b, 0, out, 0, n);
        return out;
    }

    Rng rng(String test) {
        return new Rng(SEED * 31 + test.hashCode());
    }

    /** Per-element allowed error. */
    interface Tol {
        double allowed(int i, double ref);
    }

    static Tol rel(double rel, double abs) {
        return (i, r) -> rel * Math.abs(r) + abs;
    }

    static final Tol ELEMENTWISE = rel(2e-6, 2e-7);
    static final Tol ROWS = rel(1e-5, 1e-6);

    void assertClose(String what, float[] expected, float[] actual, Tol tol) {
        assertEquals(expected.length, actual.length, what + ": length");
        int bad = -1;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs((double) expected[i] - actual[i]);
            double allowed = tol.allowed(i, expected[i]);
            boolean sameNaN = Float.isNaN(expected[i]) && Float.isNaN(actual[i]);
            boolean sameInf = Float.isInfinite(expected[i]) && expected[i] == actual[i];
            if (!(err <= allowed) && !sameNaN && !sameInf && err / Math.max(allowed, 1e-300) > worst) {
                worst = err / Math.max(allowed, 1e-300);
                bad = i;
            }
        }
        if (bad >= 0) {
            fail(String.format("%s [seed %d]: element %d of %d: scalar %s, %s %s, error %.3g > allowed %.3g",
                    what, SEED, bad, expected.length, expected[bad], cl.name(), actual[bad],
                    Math.abs((double) expected[bad] - actual[bad]), tol.allowed(bad, expected[bad])));
        }
    }

    void assertClose(String what, Twin t, Tol tol) {
        assertClose(what, down(t.s(), t.n()), down(t.c(), t.n()), tol);
    }

    // ---------------------------------------------------------------- memory

    @Test
    public void uploadDownloadCopyFillAndZeroedAllocation() {
        Rng rng = rng("memory");
        float[] v = gauss(rng, 1001);
        Buffer b = cl.upload(v, 3, 997);
        assertEquals(997, b.size());
        float[] back = new float[1001];
        Arrays.fill(back, -9f);
        cl.download(b, 5, back, 2, 990);
        for (int i = 0; i < 1001; i++) {
            float want = i >= 2 && i < 992 ? v[3 + 5 + i - 2] : -9f;
            assertEquals(want, back[i], 0f, "download into the middle of an array, element " + i);
        }

        // Overlapping copies within one buffer, both directions, against System.arraycopy.
        for (int[] c : new int[][]{{0, 10, 500}, {10, 0, 500}, {100, 100, 50}, {0, 600, 300}}) {
            Twin t = twin(v);
            ref.copy(t.s(), c[0], t.s(), c[1], c[2]);
            cl.copy(t.c(), c[0], t.c(), c[1], c[2]);
            assertClose("copy " + Arrays.toString(c), t, (i, r) -> 0);
        }
        Twin t = twin(v);
        ref.fill(t.s(), 17, 333, 2.5f);
        cl.fill(t.c(), 17, 333, 2.5f);
        assertClose("fill", t, (i, r) -> 0);

        Buffer z = cl.allocate(1234);
        for (float f : down(z, 1234)) assertEquals(0f, f, "allocate must zero-fill");
        assertEquals(0, cl.allocate(0).size());
        assertEquals(0, cl.upload(v, 0, 0).size());
    }

    // ---------------------------------------------------------------- matmul

    static final int[][] MATMUL_SHAPES = {
        {1, 1, 1}, {1, 17, 3}, {5, 1, 7}, {3, 5, 7}, {4, 16, 16}, {16, 16, 16}, {17, 33, 15}, {65, 65, 65},
        {65, 31, 1}, {2, 70, 300}, {7, 48, 9}};

    @Test
    public void matmulAllTransposesBatchesAndKernels() {
        Rng rng = rng("matmul");
        for (int[] s : MATMUL_SHAPES) {
            int m = s[0], n = s[1], k = s[2];
            for (int config = 0; config < 4; config++) {
                int batch = config == 0 ? 1 : 3;
                boolean shareA = config == 2, shareB = config == 3;
                for (int t = 0; t < 4; t++) {
                    boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                    boolean acc = rng.nextInt(2) == 1;
                    checkMatmul(rng, batch, m, n, k, ta, tb, shareA, shareB, acc);
                }
            }
        }
    }

    @Test
    public void matmulTrainingShapes() {
        Rng rng = rng("matmulTraining");
        // forward x·W, then the two gradients: gC·Wᵀ and xᵀ·gC.
        checkMatmul(rng, 1, 2048, 256, 40, false, false, false, false, false);
        checkMatmul(rng, 1, 2048, 40, 256, false, true, false, false, true);
        checkMatmul(rng, 1, 40, 256, 2048, true, false, false, false, true);
        checkMatmul(rng, 1, 128, 128, 128, false, false, false, false, false);
    }

    @Test
    public void matmulWithSharedOutputRunsBatchesInOrder() {
        Rng rng = rng("matmulSharedC");
        // strideC = 0: like the reference, each batch overwrites (or adds to) the same C.
        for (boolean acc : new boolean[]{false, true}) checkMatmulStrides(rng, 3, 5, 6, 7, false, false, 42, 42, 0, acc);
    }

    private void checkMatmul(Rng rng, int batch, int m, int n, int k, boolean ta, boolean tb, boolean shareA,
                             boolean shareB, boolean acc) {
        long sA = shareA || batch == 1 ? 0 : (long) m * k, sB = shareB || batch == 1 ? 0 : (long) k * n;
        checkMatmulStrides(rng, batch, m, n, k, ta, tb, sA, sB, (long) m * n, acc);
    }

    private void checkMatmulStrides(Rng rng, int batch, int m, int n, int k, boolean ta, boolean tb, long sA, long sB,
                                    long sC, boolean acc) {
        int na = (int) (sA * (batch - 1) + (long) m * k), nb = (int) (sB * (batch - 1) + (long) k * n);
        int nc = (int) (sC * (batch - 1) + (long) m * n);
        float[] a = gauss(rng, na), b = gauss(rng, nb), c0 = gauss(rng, nc);
        Twin A = twin(a), B = twin(b);
        Buffer expectedBuf = ref.upload(c0, 0, nc);
        ref.matmul(A.s(), B.s(), expectedBuf, batch, m, n, k, ta, tb, sA, sB, sC, acc);
        float[] expected = down(expectedBuf, nc);
        // Allowed error from the absolute products Σ|a||b| (and |c| when accumulating).
        float[] absA = a.clone(), absB = b.clone();
        for (int i = 0; i < na; i++) absA[i] = Math.abs(absA[i]);
        for (int i = 0; i < nb; i++) absB[i] = Math.abs(absB[i]);
        Buffer absC = ref.allocate(nc);
        ref.matmul(ref.upload(absA, 0, na), ref.upload(absB, 0, nb), absC, batch, m, n, k, ta, tb, sA, sB, sC,
                sC == 0);
        float[] bound = down(absC, nc);
        Tol tol = (i, r) -> 2e-6 * bound[i] + 1e-6 * Math.abs(c0[i]) * (acc ? 1 : 0) + 1e-30;
        forEachMatmulVariant(path -> {
            Buffer C = cl.upload(c0, 0, nc);
            cl.matmul(A.c(), B.c(), C, batch, m, n, k, ta, tb, sA, sB, sC, acc);
            String what = String.format("matmul %s batch %d m %d n %d k %d transA %b transB %b strides %d/%d/%d "
                    + "accumulate %b", path, batch, m, n, k, ta, tb, sA, sB, sC, acc);
            assertClose(what, expected, down(C, nc), tol);
        });
    }

    // ---------------------------------------------------------------- elementwise

    @Test
    public void unaryForwardAndBackwardForEveryOp() {
        Rng rng = rng("unary");
        for (UnaryOp op : UnaryOp.values()) {
            boolean positive = op == UnaryOp.LOG || op == UnaryOp.SQRT;
            for (int n : new int[]{1, 1000, 4099}) {
                float[] x = positive ? rand(rng, n, 0.05f, 4f) : rand(rng, n, -5f, 5f);
                float param = op == UnaryOp.SCALE ? -0.7f : op == UnaryOp.ADD_SCALAR ? 1.3f : 0f;
                Twin X = twin(x), Y = twin(new float[n]);
                ref.unary(op, X.s(), Y.s(), n, param);
                cl.unary(op, X.c(), Y.c(), n, param);
                assertClose(op + " forward n=" + n, Y, ELEMENTWISE);
                float[] gx0 = gauss(rng, n), gy = gauss(rng, n);
                Twin GY = twin(gy), GX = twin(gx0);
                ref.unaryBackward(op, X.s(), Y.s(), GY.s(), GX.s(), n, param);
                cl.unaryBackward(op, X.c(), Y.c(), GY.c(), GX.c(), n, param);
                // The gradient is accumulated, so rounding is relative to the larger of the sum and what it started
                // from; and a derivative taken from the float output (1 − y² for tanh) is only good to a few ε
                // absolute, times the incoming gradient.
                assertClose(op + " backward n=" + n, GX,
                        (i, r) -> 2e-6 * Math.max(Math.abs(r), Math.abs(gx0[i])) + 5e-7 * Math.abs(gy[i]) + 2e-7);
            }
        }
    }

    @Test
    public void geluBackwardAtZeroTinyAndFarInputs() {
        // Backends may read Φ(x) back from the forward output; where x is 0, tiny or deep in a tail that must
        // still give the derivative Φ(x) + x·φ(x).
        float[] x = {0f, -0f, 1e-38f, -1e-35f, 1e-20f, -1e-12f, 3e-8f, -20f, 20f, -9f, 9f, -5.5f, 0.5f,
                -0.5f, 1f, -1f, 1e-3f, -1e-3f};
        int n = x.length;
        Twin X = twin(x), Y = twin(new float[n]);
        ref.unary(UnaryOp.GELU, X.s(), Y.s(), n, 0f);
        cl.unary(UnaryOp.GELU, X.c(), Y.c(), n, 0f);
        float[] gy = new float[n];
        java.util.Arrays.fill(gy, 1f);
        Twin GY = twin(gy), GX = twin(new float[n]);
        ref.unaryBackward(UnaryOp.GELU, X.s(), Y.s(), GY.s(), GX.s(), n, 0f);
        cl.unaryBackward(UnaryOp.GELU, X.c(), Y.c(), GY.c(), GX.c(), n, 0f);
        assertClose("GELU backward at special inputs", GX, (i, r) -> 2e-6 * Math.abs(r) + 2e-7);
        float[] got = down(GX.c(), n);
        for (int i = 0; i < n; i++) {
            assertEquals(UnaryOp.geluDerivative(x[i]), got[i], 2e-6 * Math.abs(UnaryOp.geluDerivative(x[i])) + 2e-7,
                    "GELU'(" + x[i] + ")");
        }
    }

    @Test
    public void unaryInPlace() {
        Rng rng = rng("unaryInPlace");
        Twin X = twin(gauss(rng, 77));
        ref.unary(UnaryOp.NEG, X.s(), X.s(), 77, 0f);
        cl.unary(UnaryOp.NEG, X.c(), X.c(), 77, 0f);
        assertClose("NEG in place", X, (i, r) -> 0);
    }

    static final int[][][] BINARY_SHAPES = {
        {{7, 13}, {7, 13}},          // same shape
        {{5, 7, 13}, {13}},          // trailing (bias)
        {{5, 7, 13}, {7, 13}},       // trailing, two dims
        {{3, 4}, {}},                // scalar b
        {{5, 1, 13}, {1, 7, 1}},     // both broadcast
        {{1, 13}, {7, 13}},          // a broadcast
        {{7, 1}, {7, 13}},           // a broadcast along the last dim
        {{2, 1, 3, 1, 5}, {1, 4, 1, 6, 5}}, // rank 5, alternating
        {{1}, {1}},
        {{2, 3, 2, 3, 2, 3, 2, 3, 2}, {2, 3, 2, 3, 1, 1, 1, 1, 1}}}; // rank 9 that merges to two dims

    @Test
    public void binaryWithBroadcasting() {
        Rng rng = rng("binary");
        for (BinaryOp op : BinaryOp.values()) {
            for (int[][] shapes : BINARY_SHAPES) {
                int[] as = shapes[0], bs = shapes[1];
                Broadcast bc = new Broadcast(as, bs, "test");
                float[] a = gauss(rng, Shape.numel(as));
                float[] b = rand(rng, Shape.numel(bs), 0.5f, 2f);
                for (int i = 0; i < b.length; i++) if (rng.nextInt(2) == 0) b[i] = -b[i];
                Twin A = twin(a), B = twin(b), O = twin(new float[bc.size]);
                ref.binary(op, A.s(), B.s(), O.s(), bc);
                cl.binary(op, A.c(), B.c(), O.c(), bc);
                assertClose(op + " " + Shape.str(as) + " with " + Shape.str(bs), O, ELEMENTWISE);
                if (Shape.same(as, bc.outShape)) {
                    // out may be a
                    ref.binary(op, A.s(), B.s(), A.s(), bc);
                    cl.binary(op, A.c(), B.c(), A.c(), bc);
                    assertClose(op + " in place " + Shape.str(as) + " with " + Shape.str(bs), A, ELEMENTWISE);
                }
            }
        }
    }


    @Test
    public void axpyWithOffsets() {
        Rng rng = rng("axpy");
        for (int[] c : new int[][]{{0, 0, 1}, {3, 5, 100}, {0, 17, 1000}}) {
            Twin X = twin(gauss(rng, 1100)), Y = twin(gauss(rng, 1100));
            ref.axpy(-0.37f, X.s(), c[0], Y.s(), c[1], c[2]);
            cl.axpy(-0.37f, X.c(), c[0], Y.c(), c[1], c[2]);
            assertClose("axpy " + Arrays.toString(c), Y, ELEMENTWISE);
        }
    }

    @Test
    public void permuteUpToRankEight() {
        Rng rng = rng("permute");
        int[][][] cases = {
            {{5, 7}, {1, 0}},
            {{1, 1}, {1, 0}},
            {{2, 3, 4, 5}, {0, 2, 1, 3}},
            {{2, 3, 4, 5}, {3, 2, 1, 0}},
            {{4, 1, 6}, {2, 0, 1}},
            {{2, 3, 2, 3, 2, 3, 2, 3}, {7, 6, 5, 4, 3, 2, 1, 0}},
            {{17}, {0}},
            {{12, 64, 4, 32}, {0, 2, 1, 3}}, // splitting a GPT batch into heads: runs of 32 copied whole
            {{2, 3, 4, 5}, {1, 0, 2, 3}}, {{3, 4, 5, 6}, {0, 1, 3, 2}}, {{6, 5, 4}, {0, 1, 2}},
            {{40, 50, 30}, {2, 1, 0}}};
        for (int[][] c : cases) {
            int[] shape = c[0], perm = c[1];
            int n = Shape.numel(shape);
            Twin X = twin(gauss(rng, n)), Y = twin(new float[n]);
            ref.permute(X.s(), shape, perm, Y.s());
            cl.permute(X.c(), shape, perm, Y.c());
            assertClose("permute " + Shape.str(shape) + " by " + Arrays.toString(perm), Y, (i, r) -> 0);
        }
    }

    // ---------------------------------------------------------------- reductions

    @Test
    public void sumToBroadcastShapes() {
        Rng rng = rng("sumTo");
        int[][][] cases = {
            {{7, 13}, {1, 13}}, {{7, 13}, {7, 1}}, {{7, 13}, {1, 1}}, {{3}, {3}}, {{}, {}},
            {{2, 3, 4, 5}, {2, 1, 4, 1}}, {{2, 3, 4, 5}, {1, 3, 1, 5}}, {{1, 1, 9}, {1, 1, 1}},
            {{2048, 256}, {1, 256}}, {{2048, 256}, {2048, 1}}, {{100003}, {1}}, {{64, 65}, {1, 65}},
            {{5, 3000}, {5, 1}}, {{3, 40000}, {3, 1}}};
        for (int[][] c : cases) {
            int[] xs = c[0], ys = c[1];
            int n = Shape.numel(xs), m = Shape.numel(ys);
            float[] x = gauss(rng, n);
            float[] absSum = absSums(x, xs, ys);
            for (boolean acc : new boolean[]{false, true}) {
                float[] y0 = gauss(rng, m);
                Twin X = twin(x), Y = twin(y0);
                ref.sumTo(X.s(), xs, Y.s(), ys, acc);
                cl.sumTo(X.c(), xs, Y.c(), ys, acc);
                assertClose("sumTo " + Shape.str(xs) + " -> " + Shape.str(ys) + " accumulate " + acc, Y,
                        (i, r) -> 2e-6 * (absSum[i] + Math.abs(y0[i])) + 1e-6);
            }
        }
    }

    /** Σ|x| per output element, through the reference backend. */
    private float[] absSums(float[] x, int[] xs, int[] ys) {
        float[] ax = x.clone();
        for (int i = 0; i < ax.length; i++) ax[i] = Math.abs(ax[i]);
        Buffer out = ref.allocate(Shape.numel(ys));
        ref.sumTo(ref.upload(ax, 0, ax.length), xs, out, ys, false);
        return down(out, Shape.numel(ys));
    }

    @Test
    public void sumOfSquares() {
        Rng rng = rng("sumOfSquares");
        for (int n : new int[]{1, 1001, 300_000}) {
            Twin X = twin(gauss(rng, n));
            double expected = ref.sumOfSquares(X.s(), n), got = cl.sumOfSquares(X.c(), n);
            assertTrue(Math.abs(expected - got) <= 1e-5 * expected,
                    "sumOfSquares n=" + n + " [seed " + SEED + "]: scalar " + expected + ", " + cl.name() + " " + got);
        }
        assertEquals(0.0, cl.sumOfSquares(cl.allocate(3), 0));
    }

    // ---------------------------------------------------------------- rows

    static final int[][] ROW_SHAPES = {{1, 1}, {3, 1}, {5, 27}, {7, 300}, {2, 1000}, {33, 129}, {1, 4097}};

    @Test
    public void softmaxAndLogSoftmaxForwardAndBackward() {
        Rng rng = rng("softmax");
        for (int[] s : ROW_SHAPES) {
            int rows = s[0], cols = s[1], n = rows * cols;
            for (boolean log : new boolean[]{false, true}) {
                float[] x = rand(rng, n, -8f, 8f);
                Twin X = twin(x), Y = twin(new float[n]);
                ref.softmax(X.s(), Y.s(), rows, cols, log);
                cl.softmax(X.c(), Y.c(), rows, cols, log);
                String what = (log ? "log-softmax " : "softmax ") + rows + "x" + cols;
                assertClose(what, Y, ROWS);
                Twin GY = twin(gauss(rng, n)), GX = twin(gauss(rng, n));
                ref.softmaxBackward(Y.s(), GY.s(), GX.s(), rows, cols, log);
                cl.softmaxBackward(Y.c(), GY.c(), GX.c(), rows, cols, log);
                // the row sum Σgy (or Σy·gy) enters every element: allow for its terms
                assertClose(what + " backward", GX, rel(1e-5, 1e-5 * Math.sqrt(cols)));
            }
        }
    }

    @Test
    public void crossEntropyWithIgnoredRows() {
        Rng rng = rng("crossEntropy");
        int[][] shapes = {{1, 1}, {1, 5}, {7, 27}, {9, 1000}, {2048, 27}};
        for (int[] s : shapes) {
            int rows = s[0], cols = s[1], n = rows * cols;
            for (int variant = 0; variant < 3; variant++) {
                int ignore = variant == 0 ? Integer.MIN_VALUE : -100;
                int[] targets = new int[rows];
                for (int r = 0; r < rows; r++) {
                    targets[r] = rng.nextInt(cols);
                    if (variant == 1 && rng.nextInt(3) == 0) targets[r] = ignore;
                    if (variant == 2) targets[r] = ignore; // nothing counts: loss 0
                }
                Twin X = twin(rand(rng, n, -6f, 6f)), P = twin(new float[n]), L = twin(new float[]{5f});
                ref.crossEntropy(X.s(), targets, rows, cols, ignore, P.s(), L.s());
                cl.crossEntropy(X.c(), targets, rows, cols, ignore, P.c(), L.c());
                String what = "crossEntropy " + rows + "x" + cols + " variant " + variant;
                assertClose(what + " probs", P, ROWS);
                assertClose(what + " loss", L, rel(1e-5, 1e-6));
                Twin G = twin(gauss(rng, n));
                ref.crossEntropyBackward(P.s(), targets, rows, cols, ignore, 0.37f, G.s());
                cl.crossEntropyBackward(P.c(), targets, rows, cols, ignore, 0.37f, G.c());
                assertClose(what + " backward", G, ROWS);
            }
        }
    }

    @Test
    public void layerNormForwardAndBackward() {
        Rng rng = rng("layerNorm");
        int[][] shapes = {{1, 1}, {1, 5}, {7, 64}, {33, 129}, {2048, 40}, {3, 1500}};
        for (int[] s : shapes) {
            int rows = s[0], cols = s[1], n = rows * cols;
            float[] x = gauss(rng, n);
            for (int i = 0; i < n; i++) x[i] = x[i] * 3f + 1.5f;
            float[] beta = gauss(rng, cols);
            Twin X = twin(x), G = twin(rand(rng, cols, 0.5f, 1.5f)), B = twin(beta);
            Twin Y = twin(new float[n]), M = twin(new float[rows]), R = twin(new float[rows]);
            ref.layerNorm(X.s(), G.s(), B.s(), Y.s(), M.s(), R.s(), rows, cols, 1e-5f);
            cl.layerNorm(X.c(), G.c(), B.c(), Y.c(), M.c(), R.c(), rows, cols, 1e-5f);
            String what = "layerNorm " + rows + "x" + cols;
            // y = xhat·gamma + beta can cancel to near 0: the rounding is relative to the terms, not to y.
            assertClose(what + " y", Y, (i, r) -> 1e-5 * (Math.abs(r) + Math.abs(beta[i % cols])) + 1e-6);
            assertClose(what + " mean", M, rel(1e-5, 1e-5));
            assertClose(what + " rstd", R, ROWS);
            float[] gyv = gauss(rng, n);
            Twin GY = twin(gyv), GX = twin(gauss(rng, n)), GG = twin(gauss(rng, cols)), GB = twin(gauss(rng, cols));
            ref.layerNormBackward(GY.s(), X.s(), G.s(), M.s(), R.s(), GX.s(), GG.s(), GB.s(), rows, cols);
            cl.layerNormBackward(GY.c(), X.c(), G.c(), M.c(), R.c(), GX.c(), GG.c(), GB.c(), rows, cols);
            assertClose(what + " gx", GX, rel(1e-5, 1e-5));
            // gGamma and gBeta sum over rows: allow for Σ|gy|·|xhat| terms (|xhat| is at most √cols)
            float[] colAbs = new float[cols];
            for (int i = 0; i < n; i++) colAbs[i % cols] += Math.abs(gyv[i]);
            double xhatMax = Math.sqrt(cols);
            assertClose(what + " gGamma", down(GG.s(), cols), down(GG.c(), cols),
                    (i, r) -> 1e-5 * (Math.abs(r) + colAbs[i] * xhatMax) + 1e-6);
            assertClose(what + " gBeta", down(GB.s(), cols), down(GB.c(), cols),
                    (i, r) -> 1e-5 * (Math.abs(r) + colAbs[i]) + 1e-6);
        }
    }

    // ---------------------------------------------------------------- tokens

    @Test
    public void embeddingWithRepeatedIds() {
        Rng rng = rng("embedding");
        int[][] cases = {{1, 1, 1}, {11, 5, 40}, {27, 10, 2048 * 3}, {3, 1, 9}, {50, 64, 7}};
        for (int[] c : cases) {
            int vocab = c[0], dim = c[1], count = c[2];
            int[] ids = new int[count];
            for (int i = 0; i < count; i++) ids[i] = rng.nextInt(vocab);
            Twin T = twin(gauss(rng, vocab * dim)), O = twin(new float[count * dim]);
            ref.embedding(T.s(), ids, O.s(), dim);
            cl.embedding(T.c(), ids, O.c(), dim);
            String what = "embedding vocab " + vocab + " dim " + dim + " ids " + count;
            assertClose(what, O, (i, r) -> 0);
            Twin GO = twin(gauss(rng, count * dim)), GT = twin(gauss(rng, vocab * dim));
            ref.embeddingBackward(GO.s(), ids, GT.s(), dim);
            cl.embeddingBackward(GO.c(), ids, GT.c(), dim);
            // the same additions in the same order: only an exact match is right
            assertClose(what + " backward", GT, (i, r) -> 0);
        }
    }

    // ---------------------------------------------------------------- attention

    @Test
    public void causalAttentionForwardAndBackward() {
        Rng rng = rng("attention");
        int[][] cases = {{1, 1, 1}, {3, 7, 5}, {2, 65, 16}, {4, 64, 64}, {1, 33, 3}, {48, 64, 32}};
        for (int[] c : cases) {
            int bh = c[0], t = c[1], d = c[2], n = bh * t * d;
            float scale = (float) (1.0 / Math.sqrt(d));
            Twin Q = twin(gauss(rng, n)), K = twin(gauss(rng, n)), V = twin(gauss(rng, n));
            Twin ATT = twin(new float[bh * t * t]), OUT = twin(new float[n]);
            ref.causalAttention(Q.s(), K.s(), V.s(), ATT.s(), OUT.s(), bh, t, d, scale);
            cl.causalAttention(Q.c(), K.c(), V.c(), ATT.c(), OUT.c(), bh, t, d, scale);
            String what = "causalAttention bh " + bh + " t " + t + " d " + d;
            assertClose(what + " weights", ATT, rel(1e-5, 1e-6));
            assertClose(what + " out", OUT, rel(1e-5, 1e-5));
            Twin GO = twin(gauss(rng, n)), GQ = twin(gauss(rng, n)), GK = twin(gauss(rng, n)), GV = twin(gauss(rng, n));
            ref.causalAttentionBackward(GO.s(), Q.s(), K.s(), V.s(), ATT.s(), GQ.s(), GK.s(), GV.s(), bh, t, d, scale);
            cl.causalAttentionBackward(GO.c(), Q.c(), K.c(), V.c(), ATT.c(), GQ.c(), GK.c(), GV.c(), bh, t, d, scale);
            // sums over up to t positions of d-long products: scale the absolute floor with both
            Tol tol = rel(1e-5, 2e-6 * Math.sqrt((double) t * d));
            assertClose(what + " gq", GQ, tol);
            assertClose(what + " gk", GK, tol);
            assertClose(what + " gv", GV, tol);
        }
    }

    @Test
    public void causalSelfAttentionFromFusedProjection() {
        Rng rng = rng("self-attention");
        int[][] cases = {{1, 1, 1, 1}, {2, 7, 3, 5}, {2, 64, 4, 32}, {1, 33, 2, 3}};
        for (int[] c : cases) {
            int b = c[0], t = c[1], heads = c[2], d = c[3], n = b * t * heads * d;
            float scale = (float) (1.0 / Math.sqrt(d));
            Twin QKV = twin(gauss(rng, 3 * n)), ATT = twin(new float[b * heads * t * t]), OUT = twin(new float[n]);
            ref.causalSelfAttention(QKV.s(), ATT.s(), OUT.s(), b, t, heads, d, scale);
            cl.causalSelfAttention(QKV.c(), ATT.c(), OUT.c(), b, t, heads, d, scale);
            String what = "causalSelfAttention b " + b + " t " + t + " heads " + heads + " d " + d;
            assertClose(what + " weights", ATT, rel(1e-5, 1e-6));
            assertClose(what + " out", OUT, rel(1e-5, 1e-5));
            // The gradient is added to what the buffer holds: start from non-zero values.
            Twin GO = twin(gauss(rng, n)), G = twin(gauss(rng, 3 * n));
            ref.causalSelfAttentionBackward(GO.s(), QKV.s(), ATT.s(), G.s(), b, t, heads, d, scale);
            cl.causalSelfAttentionBackward(GO.c(), QKV.c(), ATT.c(), G.c(), b, t, heads, d, scale);
            assertClose(what + " gqkv", G, rel(1e-5, 2e-6 * Math.sqrt((double) t * d)));
        }
    }

    // ---------------------------------------------------------------- optimiser

    @Test
    public void adamwSeveralSteps() {
        Rng rng = rng("adamw");
        for (int n : new int[]{1, 1000}) {
            Twin P = twin(gauss(rng, n)), M = twin(new float[n]), V = twin(new float[n]);
            for (int step = 1; step <= 5; step++) {
                Twin G = twin(gauss(rng, n));
                ref.adamw(P.s(), G.s(), M.s(), V.s(), n, 1e-2f, 0.9f, 0.999f, 1e-8f, 0.1f, step);
                cl.adamw(P.c(), G.c(), M.c(), V.c(), n, 1e-2f, 0.9f, 0.999f, 1e-8f, 0.1f, step);
                assertClose("adamw n=" + n + " step " + step + " param", P, ELEMENTWISE);
                assertClose("adamw n=" + n + " step " + step + " m", M, ELEMENTWISE);
                assertClose("adamw n=" + n + " step " + step + " v", V, ELEMENTWISE);
            }
        }
    }
}
