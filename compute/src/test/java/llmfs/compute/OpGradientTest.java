package llmfs.compute;

import llmfs.compute.backend.UnaryOp;
import org.junit.jupiter.api.Test;

import static llmfs.compute.GradCheck.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every op: forward against a float64 reference, gradient against float64 finite differences. */
class OpGradientTest {
    private final Rng rng = new Rng(1234);

    // ---------------------------------------------------------------- float64 references

    static double[] mm(double[] a, double[] b, int batch, int m, int k, int n, boolean bShared) {
        double[] c = new double[batch * m * n];
        for (int z = 0; z < batch; z++)
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) s += a[z * m * k + i * k + p] * b[(bShared ? 0 : z * k * n) + p * n + j];
                    c[z * m * n + i * n + j] = s;
                }
        return c;
    }

    static double[] softmaxRows(double[] x, int rows, int cols, boolean log) {
        double[] y = new double[x.length];
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) max = Math.max(max, x[r * cols + c]);
            double s = 0;
            for (int c = 0; c < cols; c++) s += Math.exp(x[r * cols + c] - max);
            for (int c = 0; c < cols; c++) {
                y[r * cols + c] = log ? x[r * cols + c] - max - Math.log(s) : Math.exp(x[r * cols + c] - max) / s;
            }
        }
        return y;
    }

    // ---------------------------------------------------------------- matmul

    @Test
    void matmul2d() {
        check("matmul [3,4]x[4,5]", rng, new int[][]{{3, 4}, {4, 5}}, t -> t[0].matmul(t[1]),
                in -> mm(in[0], in[1], 1, 3, 4, 5, true));
    }

    @Test
    void linearIsMatmulPlusBias() {
        check("linear [2,3,4]x[4,5]+[5]", rng, new int[][]{{2, 3, 4}, {4, 5}, {5}}, t -> t[0].linear(t[1], t[2]), in -> {
            double[] y = mm(in[0], in[1], 2, 3, 4, 5, true);
            for (int i = 0; i < y.length; i++) y[i] += in[2][i % 5];
            return y;
        });
    }

    @Test
    void linearRejectsABiasOfTheWrongSize() {
        Tensor x = Tensor.zeros(3, 4), w = Tensor.zeros(4, 5), b = Tensor.zeros(4);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> x.linear(w, b));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("vector of 5"), e.getMessage());
    }

    @Test
    void matmulBatchedTimesShared() {
        check("matmul [2,3,4]x[4,5]", rng, new int[][]{{2, 3, 4}, {4, 5}}, t -> t[0].matmul(t[1]),
                in -> mm(in[0], in[1], 2, 3, 4, 5, true));
    }

    @Test
    void matmulBatched() {
        check("matmul [2,3,4]x[2,4,5]", rng, new int[][]{{2, 3, 4}, {2, 4, 5}}, t -> t[0].matmul(t[1]),
                in -> mm(in[0], in[1], 2, 3, 4, 5, false));
    }

    @Test
    void matmulSharedLeftOperand() {
        // [3,4] x [2,4,5]: A is reused for each batch, so its gradient sums over the batch.
        check("matmul [3,4]x[2,4,5]", rng, new int[][]{{3, 4}, {2, 4, 5}}, t -> t[0].matmul(t[1]), in -> {
            double[] c = new double[2 * 15];
            for (int z = 0; z < 2; z++) {
                double[] bz = java.util.Arrays.copyOfRange(in[1], z * 20, z * 20 + 20);
                System.arraycopy(mm(in[0], bz, 1, 3, 4, 5, true), 0, c, z * 15, 15);
            }
            return c;
        });
    }

    @Test
    void matmulVectors() {
        check("matmul [4]x[4,5]", rng, new int[][]{{4}, {4, 5}}, t -> t[0].matmul(t[1]),
                in -> mm(in[0], in[1], 1, 1, 4, 5, true));
        check("matmul [3,4]x[4]", rng, new int[][]{{3, 4}, {4}}, t -> t[0].matmul(t[1]),
                in -> mm(in[0], in[1], 1, 3, 4, 1, true));
    }

    @Test
    void matmulShapeErrorSuggestsTranspose() {
        Tensor a = Tensor.zeros(8, 64), b = Tensor.zeros(32, 64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.matmul(b));
        assertTrue(e.getMessage().contains("64 ≠ 32"), e.getMessage());
        assertTrue(e.getMessage().contains("transpose"), e.getMessage());
    }

    // ---------------------------------------------------------------- elementwise

    @Test
    void addSubMulDivWithBroadcasting() {
        int[][] shapes = {{2, 3, 4}, {3, 1}};
        check("add bcast", rng, shapes, t -> t[0].add(t[1]), in -> bcast(in, (x, y) -> x + y));
        check("sub bcast", rng, shapes, t -> t[0].sub(t[1]), in -> bcast(in, (x, y) -> x - y));
        check("mul bcast", rng, shapes, t -> t[0].mul(t[1]), in -> bcast(in, (x, y) -> x * y));
        check("div bcast", rng, shapes, t -> t[0].div(t[1]), in -> bcast(in, (x, y) -> x / y),
                g -> Math.abs(g) + 0.5);
        // bias-style trailing broadcast and the reversed direction
        check("add bias", rng, new int[][]{{5, 4}, {4}}, t -> t[0].add(t[1]), in -> {
            double[] o = new double[20];
            for (int i = 0; i < 20; i++) o[i] = in[0][i] + in[1][i % 4];
            return o;
        });
        check("mul left-broadcast", rng, new int[][]{{4}, {5, 4}}, t -> t[0].mul(t[1]), in -> {
            double[] o = new double[20];
            for (int i = 0; i < 20; i++) o[i] = in[0][i % 4] * in[1][i];
            return o;
        });
    }

    /** Reference for [2,3,4] ∘ [3,1]. */
    private static double[] bcast(double[][] in, java.util.function.DoubleBinaryOperator f) {
        double[] o = new double[24];
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 3; b++)
                for (int c = 0; c < 4; c++) o[a * 12 + b * 4 + c] = f.applyAsDouble(in[0][a * 12 + b * 4 + c], in[1][b]);
        return o;
    }

    @Test
    void unaryOps() {
        int[][] s = {{3, 5}};
        check("tanh", rng, s, t -> t[0].tanh(), in -> map(in[0], Math::tanh));
        check("exp", rng, s, t -> t[0].exp(), in -> map(in[0], Math::exp));
        check("log", rng, s, t -> t[0].log(), in -> map(in[0], Math::log), g -> Math.abs(g) + 0.3);
        check("sigmoid", rng, s, t -> t[0].sigmoid(), in -> map(in[0], x -> 1 / (1 + Math.exp(-x))));
        check("gelu", rng, s, t -> t[0].gelu(), in -> map(in[0], UnaryOp::gelu));
        check("square", rng, s, t -> t[0].square(), in -> map(in[0], x -> x * x));
        check("sqrt", rng, s, t -> t[0].sqrt(), in -> map(in[0], Math::sqrt), g -> Math.abs(g) + 0.3);
        check("neg", rng, s, t -> t[0].neg(), in -> map(in[0], x -> -x));
        check("scale", rng, s, t -> t[0].mul(2.5f), in -> map(in[0], x -> 2.5 * x));
        check("add scalar", rng, s, t -> t[0].add(-1.5f), in -> map(in[0], x -> x - 1.5));
        // relu: keep inputs away from the kink at 0, where the finite difference is meaningless
        check("relu", rng, s, t -> t[0].relu(), in -> map(in[0], x -> Math.max(0, x)),
                g -> g + Math.signum(g) * 0.1);
    }

    @Test
    void geluMatchesExactErfDefinition() {
        // Φ(1) = 0.8413447460685429 (standard normal CDF), so gelu(1) = 0.8413447...
        assertEquals(0.8413447460685429, UnaryOp.gelu(1.0), 2e-7);
        assertEquals(-0.15865525393145707, UnaryOp.gelu(-1.0), 2e-7);
    }

    private static double[] map(double[] x, java.util.function.DoubleUnaryOperator f) {
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) o[i] = f.applyAsDouble(x[i]);
        return o;
    }

    // ---------------------------------------------------------------- reductions, softmax, shapes

    @Test
    void reductions() {
        check("sum", rng, new int[][]{{3, 4}}, t -> t[0].sum(), in -> new double[]{java.util.Arrays.stream(in[0]).sum()});
        check("mean", rng, new int[][]{{3, 4}}, t -> t[0].mean(),
                in -> new double[]{java.util.Arrays.stream(in[0]).sum() / 12});
        check("sum dim 0", rng, new int[][]{{3, 4}}, t -> t[0].sum(0, false), in -> {
            double[] o = new double[4];
            for (int i = 0; i < 12; i++) o[i % 4] += in[0][i];
            return o;
        });
        check("mean dim -1 keep", rng, new int[][]{{3, 4}}, t -> t[0].mean(-1, true), in -> {
            double[] o = new double[3];
            for (int i = 0; i < 12; i++) o[i / 4] += in[0][i] / 4;
            return o;
        });
    }

    @Test
    void softmaxAndLogSoftmax() {
        check("softmax", rng, new int[][]{{4, 7}}, t -> t[0].softmax(), in -> softmaxRows(in[0], 4, 7, false));
        check("logSoftmax", rng, new int[][]{{2, 3, 7}}, t -> t[0].logSoftmax(), in -> softmaxRows(in[0], 6, 7, true));
    }

    @Test
    void softmaxIsStableForHugeLogits() {
        float[] v = {1000f, 1001f, 1002f};
        float[] p = Tensor.of(v, 1, 3).softmax().toArray();
        double[] want = softmaxRows(new double[]{1000, 1001, 1002}, 1, 3, false);
        for (int i = 0; i < 3; i++) assertEquals(want[i], p[i], 1e-6);
    }

    @Test
    void viewsPermutesSlices() {
        check("view", rng, new int[][]{{2, 6}}, t -> t[0].view(3, -1).mul(t[0].view(3, 4)), in -> map(in[0], x -> x * x));
        check("flatten", rng, new int[][]{{2, 3, 2}}, t -> t[0].flatten(1), in -> in[0]);
        check("transpose", rng, new int[][]{{2, 3}}, t -> t[0].transpose(0, 1), in -> {
            double[] o = new double[6];
            for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) o[j * 2 + i] = in[0][i * 3 + j];
            return o;
        });
        check("permute", rng, new int[][]{{2, 3, 4}}, t -> t[0].permute(2, 0, 1), in -> {
            double[] o = new double[24];
            for (int a = 0; a < 2; a++) for (int b = 0; b < 3; b++) for (int c = 0; c < 4; c++)
                o[c * 6 + a * 3 + b] = in[0][a * 12 + b * 4 + c];
            return o;
        });
        check("slice", rng, new int[][]{{4, 3}}, t -> t[0].slice(1, 3), in -> java.util.Arrays.copyOfRange(in[0], 3, 9));
    }

    @Test
    void viewErrorExplainsElementCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 6).view(5, 3));
        assertTrue(e.getMessage().contains("12 elements"), e.getMessage());
    }

    // ---------------------------------------------------------------- losses and layers

    @Test
    void crossEntropy() {
        int[] targets = {2, 0, 4, 1};
        check("crossEntropy", rng, new int[][]{{4, 5}}, t -> t[0].crossEntropy(targets), in -> {
            double[] ls = softmaxRows(in[0], 4, 5, true);
            double s = 0;
            for (int r = 0; r < 4; r++) s -= ls[r * 5 + targets[r]];
            return new double[]{s / 4};
        });
        int[] masked = {2, -1, 4, -1};
        check("crossEntropy ignore", rng, new int[][]{{4, 5}}, t -> t[0].crossEntropy(masked, -1), in -> {
            double[] ls = softmaxRows(in[0], 4, 5, true);
            return new double[]{-(ls[2] + ls[2 * 5 + 4]) / 2};
        });
    }

    @Test
    void tokenLogProbsPerRowWithIgnoredRows() {
        int[] targets = {2, -1, 4, 0};
        check("tokenLogProbs", rng, new int[][]{{4, 5}}, t -> t[0].tokenLogProbs(targets, -1), in -> {
            double[] ls = softmaxRows(in[0], 4, 5, true);
            return new double[]{ls[2], 0, ls[2 * 5 + 4], ls[3 * 5]};
        });
        // Summed per sequence through a view, as the sequence log-probability is.
        int[] seq = {1, 3, -1, 0, 2, 4};
        check("tokenLogProbs summed per sequence", rng, new int[][]{{2, 3, 5}},
                t -> t[0].tokenLogProbs(seq, -1).view(2, 3).sum(1, false), in -> {
                    double[] ls = softmaxRows(in[0], 6, 5, true);
                    return new double[]{ls[1] + ls[5 + 3], ls[15] + ls[20 + 2] + ls[25 + 4]};
                });
    }

    @Test
    void logSigmoidIsStableAndItsGradientIsSigmoidOfMinusX() {
        check("logSigmoid", rng, new int[][]{{6}}, t -> t[0].logSigmoid(), in -> {
            double[] y = new double[in[0].length];
            for (int i = 0; i < y.length; i++) y[i] = -Math.log1p(Math.exp(-in[0][i]));
            return y;
        });
        float[] far = Tensor.of(new float[]{-200f, 0f, 200f}, 3).logSigmoid().toArray();
        assertEquals(-200f, far[0], 1e-3);
        assertEquals(-Math.log(2), far[1], 1e-6);
        assertEquals(0f, far[2], 1e-6);
        Tensor zero = Tensor.of(new float[]{0f}, 1).requiresGrad(true);
        zero.logSigmoid().sum().backward();
        assertEquals(0.5f, zero.gradArray()[0], 1e-6, "d/dx log σ(x) at 0 is σ(0) = 1/2");
    }

    @Test
    void crossEntropyOfUniformLogitsIsLogOfClassCount() {
        float ce = Tensor.zeros(3, 27).crossEntropy(new int[]{0, 5, 26}).item();
        assertEquals(Math.log(27), ce, 1e-6);
    }

    @Test
    void crossEntropyRejectsBadTargets() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).crossEntropy(new int[]{0, 3}));
        assertTrue(e.getMessage().contains("target 3"), e.getMessage());
    }

    @Test
    void embedding() {
        int[] ids = {3, 1, 3, 0, 2, 1};
        check("embedding", rng, new int[][]{{4, 3}}, t -> Tensor.embedding(t[0], ids, 2, 3), in -> {
            double[] o = new double[18];
            for (int i = 0; i < 6; i++) System.arraycopy(in[0], ids[i] * 3, o, i * 3, 3);
            return o;
        });
        assertThrows(IllegalArgumentException.class, () -> Tensor.embedding(Tensor.zeros(4, 3), new int[]{4}));
    }

    @Test
    void layerNorm() {
        check("layerNorm", rng, new int[][]{{3, 6}, {6}, {6}}, t -> t[0].layerNorm(t[1], t[2], 1e-5f), in -> {
            double[] o = new double[18];
            for (int r = 0; r < 3; r++) {
                double mu = 0, var = 0;
                for (int c = 0; c < 6; c++) mu += in[0][r * 6 + c] / 6;
                for (int c = 0; c < 6; c++) var += Math.pow(in[0][r * 6 + c] - mu, 2) / 6;
                for (int c = 0; c < 6; c++)
                    o[r * 6 + c] = (in[0][r * 6 + c] - mu) / Math.sqrt(var + 1e-5) * in[1][c] + in[2][c];
            }
            return o;
        });
    }

    @Test
    void causalAttention() {
        int bh = 2, t = 4, d = 3;
        check("causalAttention", rng, new int[][]{{bh, t, d}, {bh, t, d}, {bh, t, d}},
                x -> x[0].causalAttention(x[1], x[2]), in -> {
                    double[] o = new double[bh * t * d];
                    double sc = 1 / Math.sqrt(d);
                    for (int h = 0; h < bh; h++)
                        for (int i = 0; i < t; i++) {
                            double[] s = new double[i + 1];
                            double max = Double.NEGATIVE_INFINITY;
                            for (int j = 0; j <= i; j++) {
                                for (int c = 0; c < d; c++) s[j] += in[0][(h * t + i) * d + c] * in[1][(h * t + j) * d + c];
                                s[j] *= sc;
                                max = Math.max(max, s[j]);
                            }
                            double z = 0;
                            for (int j = 0; j <= i; j++) z += Math.exp(s[j] - max);
                            for (int j = 0; j <= i; j++)
                                for (int c = 0; c < d; c++)
                                    o[(h * t + i) * d + c] += Math.exp(s[j] - max) / z * in[2][(h * t + j) * d + c];
                        }
                    return o;
                });
    }

    @Test
    void causalSelfAttentionFromFusedProjection() {
        int b = 2, t = 4, heads = 2, d = 3, dim = heads * d;
        check("causalSelfAttention", rng, new int[][]{{b, t, 3 * dim}},
                x -> llmfs.compute.Attention.causalSelf(x[0], heads, null), in -> {
                    // Element (s, i, part, h, c) of the projection: part 0 = query, 1 = key, 2 = value.
                    double[] qkv = in[0];
                    double[] o = new double[b * t * dim];
                    double sc = 1 / Math.sqrt(d);
                    for (int s = 0; s < b; s++)
                        for (int h = 0; h < heads; h++)
                            for (int i = 0; i < t; i++) {
                                double[] w = new double[i + 1];
                                double max = Double.NEGATIVE_INFINITY;
                                for (int j = 0; j <= i; j++) {
                                    for (int c = 0; c < d; c++) {
                                        w[j] += qkv[(s * t + i) * 3 * dim + h * d + c]
                                                * qkv[(s * t + j) * 3 * dim + dim + h * d + c];
                                    }
                                    w[j] *= sc;
                                    max = Math.max(max, w[j]);
                                }
                                double z = 0;
                                for (int j = 0; j <= i; j++) z += Math.exp(w[j] - max);
                                for (int j = 0; j <= i; j++)
                                    for (int c = 0; c < d; c++)
                                        o[(s * t + i) * dim + h * d + c] += Math.exp(w[j] - max) / z
                                                * qkv[(s * t + j) * 3 * dim + 2 * dim + h * d + c];
                            }
                    return o;
                });
    }

    @Test
    void causalSelfAttentionRejectsAProjectionThatDoesNotSplitIntoHeads() {
        Tensor qkv = Tensor.zeros(1, 2, 9);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> llmfs.compute.Attention.causalSelf(qkv, 2, null));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("[1, 2, 9]"), e.getMessage());
    }

    @Test
    void tensorUsedTwiceAccumulatesBothGradients() {
        Tensor x = Tensor.of(new float[]{1, 2, 3}, 3).requiresGrad(true);
        x.mul(x).sum().add(x.sum()).backward(); // d/dx (x² + x) = 2x + 1
        float[] g = x.gradArray();
        assertEquals(3f, g[0], 1e-6);
        assertEquals(5f, g[1], 1e-6);
        assertEquals(7f, g[2], 1e-6);
    }

    @Test
    void firstGradientContributionIsWrittenAndLaterOnesAdded() {
        // The first contribution to a gradient overwrites its fresh buffer; any later one must still add.
        check("permute twice", rng, new int[][]{{2, 3}}, t -> t[0].permute(1, 0).mul(t[0].permute(1, 0)), in -> {
            double[] o = new double[6];
            for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) o[j * 2 + i] = in[0][i * 3 + j] * in[0][i * 3 + j];
            return o;
        });
        check("slices of one tensor", rng, new int[][]{{4, 3}}, t -> t[0].slice(0, 2).mul(t[0].slice(2, 4)), in -> {
            double[] o = new double[6];
            for (int i = 0; i < 6; i++) o[i] = in[0][i] * in[0][i + 6];
            return o;
        });
        check("matmul of a tensor with itself", rng, new int[][]{{3, 3}}, t -> t[0].matmul(t[0]),
                in -> mm(in[0], in[0], 1, 3, 3, 3, true));
        check("linear input also added", rng, new int[][]{{2, 3}, {3, 3}, {3}}, t -> t[0].linear(t[1], t[2]).add(t[0]),
                in -> {
                    double[] o = mm(in[0], in[1], 1, 2, 3, 3, true);
                    for (int i = 0; i < 6; i++) o[i] += in[2][i % 3] + in[0][i];
                    return o;
                });
    }

    @Test
    void gradientsOfLeavesAddUpOverTwoBackwardPasses() {
        Tensor x = Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3).requiresGrad(true);
        Tensor w = Tensor.of(new float[]{1, 0, -1, 2, 0.5f, 3}, 3, 2).requiresGrad(true);
        x.matmul(w).sum().backward();
        float[] once = w.gradArray().clone();
        float[] onceX = x.gradArray().clone();
        x.permute(1, 0).matmul(Tensor.ones(2, 1)).sum().add(x.matmul(w).sum()).backward();
        float[] twice = w.gradArray();
        for (int i = 0; i < once.length; i++) assertEquals(2 * once[i], twice[i], 1e-5, "w gradient " + i);
        float[] twiceX = x.gradArray();
        for (int i = 0; i < onceX.length; i++) assertEquals(2 * onceX[i] + 1, twiceX[i], 1e-5, "x gradient " + i);
    }

    @Test
    void noGradRecordsNothing() {
        Tensor x = Tensor.ones(3).requiresGrad(true);
        try (var off = Tape.noGrad()) {
            Tensor y = x.mul(2f).sum();
            assertEquals(0, Tape.size());
            assertThrows(IllegalStateException.class, y::backward);
        }
    }
}
