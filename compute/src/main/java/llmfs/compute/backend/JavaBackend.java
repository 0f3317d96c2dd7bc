package llmfs.compute.backend;

import llmfs.compute.kernel.Elementwise;
import llmfs.compute.kernel.Matmul;
import llmfs.compute.kernel.Parallel;
import llmfs.compute.kernel.Simd;

/**
 * The fast CPU backend: cache-blocked matrix products (Vector API SIMD when the JVM has it) and the other hot
 * loops split across cores with {@link Parallel}. Anything without a fast path here falls back to the scalar
 * reference code it extends, so results agree by construction where speed does not matter.
 */
public final class JavaBackend extends ScalarBackend {
    private static final int GRAIN = 16_384; // elements per chunk: below this, threading costs more than it saves
    private final Matmul mm;
    private final Elementwise ew;

    public JavaBackend() {
        this(Simd.best(), Elementwise.best());
    }

    public JavaBackend(Matmul mm, Elementwise ew) {
        this.mm = mm;
        this.ew = ew;
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public String description() {
        return "Java, " + Parallel.threads() + " threads, matmul " + mm.name() + ", elementwise " + ew.name() + "; "
                + Simd.describe();
    }

    @Override
    public void matmul(Buffer ab, Buffer bb, Buffer cb, int batch, int m, int n, int k, boolean transA, boolean transB,
                       long strideA, long strideB, long strideC, boolean accumulate) {
        int lda = transA ? m : k, ldb = transB ? k : n;
        if (batch == 1) {
            mm.sgemm(transA, transB, m, n, k, a(ab), 0, lda, a(bb), 0, ldb, a(cb), 0, n, accumulate);
        } else {
            mm.sgemmBatched(transA, transB, m, n, k, a(ab), 0, lda, a(bb), 0, ldb, a(cb), 0, n, accumulate, batch,
                    strideA, strideB, strideC);
        }
    }

    @Override
    public void unary(UnaryOp op, Buffer xb, Buffer yb, int n, float param) {
        float[] x = a(xb), y = a(yb);
        Parallel.forRange(n, GRAIN, (from, to) -> ew.unary(op, x, y, from, to, param));
    }

    @Override
    public void unaryBackward(UnaryOp op, Buffer xb, Buffer yb, Buffer gyb, Buffer gxb, int n, float param) {
        float[] x = a(xb), y = a(yb), gy = a(gyb), gx = a(gxb);
        Parallel.forRange(n, GRAIN, (from, to) -> ew.unaryBackward(op, x, y, gy, gx, from, to, param));
    }

    @Override
    public void binary(BinaryOp op, Buffer ab, Buffer bb, Buffer outb, Broadcast bc) {
        float[] A = a(ab), B = a(bb), O = a(outb);
        if (bc.sameShape) {
            Parallel.forRange(bc.size, GRAIN, (from, to) -> ew.binary(op, A, from, B, from, O, from, to - from));
        } else if (bc.bTrailing > 0) {
            int w = bc.bTrailing, rows = bc.size / w;
            Parallel.forRange(rows, Math.max(1, GRAIN / w), (from, to) -> {
                for (int r = from; r < to; r++) ew.binary(op, A, r * w, B, 0, O, r * w, w);
            });
        } else {
            super.binary(op, ab, bb, outb, bc);
        }
    }

    @Override
    public void sumTo(Buffer xb, int[] xShape, Buffer yb, int[] yShape, boolean accumulate) {
        float[] x = a(xb), y = a(yb);
        int rank = xShape.length;
        // Leading dims reduced, trailing kept (a bias gradient): y[j] = Σ_r x[r, j]
        int lead = 0;
        while (lead < rank && yShape[lead] == 1) lead++;
        boolean tailKept = true;
        for (int d = lead; d < rank; d++) tailKept &= yShape[d] == xShape[d];
        if (tailKept) {
            int cols = 1;
            for (int d = lead; d < rank; d++) cols *= xShape[d];
            int rows = cols == 0 ? 0 : x.length / cols;
            int c = cols;
            Parallel.forRange(cols, Math.max(1, GRAIN / Math.max(1, rows)), (from, to) -> {
                double[] acc = new double[to - from];
                for (int r = 0; r < rows; r++) {
                    int o = r * c;
                    for (int j = from; j < to; j++) acc[j - from] += x[o + j];
                }
                for (int j = from; j < to; j++) y[j] = (float) (accumulate ? y[j] + acc[j - from] : acc[j - from]);
            });
            return;
        }
        super.sumTo(xb, xShape, yb, yShape, accumulate);
    }

    @Override
    public void axpy(float alpha, Buffer xb, int xOff, Buffer yb, int yOff, int n) {
        float[] x = a(xb), y = a(yb);
        Parallel.forRange(n, GRAIN, (from, to) -> ew.axpy(alpha, x, xOff + from, y, yOff + from, to - from));
    }

    @Override
    public void softmax(Buffer xb, Buffer yb, int rows, int cols, boolean log) {
        float[] x = a(xb), y = a(yb);
        Parallel.forRange(rows, rowGrain(cols), (from, to) -> {
            for (int r = from; r < to; r++) {
                int o = r * cols;
                float max = ew.max(x, o, cols);
                float sum = ew.expShifted(x, o, max, y, o, cols);
                if (log) {
                    float lse = max + (float) Math.log(sum);
                    for (int c = 0; c < cols; c++) y[o + c] = x[o + c] - lse;
                } else {
                    ew.scale(y, o, cols, 1f / sum);
                }
            }
        });
    }

    @Override
    public void softmaxBackward(Buffer yb, Buffer gyb, Buffer gxb, int rows, int cols, boolean log) {
        Parallel.forRange(rows, rowGrain(cols), (from, to) -> {
            float[] y = a(yb), gy = a(gyb), gx = a(gxb);
            for (int r = from; r < to; r++) {
                int o = r * cols;
                if (log) {
                    float s = 0;
                    for (int c = 0; c < cols; c++) s += gy[o + c];
                    for (int c = 0; c < cols; c++) gx[o + c] += gy[o + c] - (float) Math.exp(y[o + c]) * s;
                } else {
                    float dot = 0;
                    for (int c = 0; c < cols; c++) dot += y[o + c] * gy[o + c];
                    for (int c = 0; c < cols; c++) gx[o + c] += y[o + c] * (gy[o + c] - dot);
                }
            }
        });
    }

    @Override
    public void crossEntropy(Buffer logitsb, int[] targets, int rows, int cols, int ignoreIndex, Buffer probsb,
                             Buffer lossb) {
        float[] x = a(logitsb), p = a(probsb);
        double[] partial = new double[rows];
        Parallel.forRange(rows, rowGrain(cols), (from, to) -> {
            for (int r = from; r < to; r++) {
                int o = r * cols;
                float max = ew.max(x, o, cols);
                float sum = ew.expShifted(x, o, max, p, o, cols);
                ew.scale(p, o, cols, 1f / sum);
                int t = targets[r];
                partial[r] = t == ignoreIndex ? 0 : Math.log(sum) + max - x[o + t];
            }
        });
        double total = 0;
        int count = 0;
        for (int r = 0; r < rows; r++) {
            if (targets[r] == ignoreIndex) continue;
            total += partial[r];
            count++;
        }
        a(lossb)[0] = count == 0 ? 0f : (float) (total / count);
    }

    @Override
    public void crossEntropyBackward(Buffer probsb, int[] targets, int rows, int cols, int ignoreIndex, float scale,
                                     Buffer gb) {
        float[] p = a(probsb), g = a(gb);
        Parallel.forRange(rows, rowGrain(cols), (from, to) -> {
            for (int r = from; r < to; r++) {
                int t = targets[r];
                if (t == ignoreIndex) continue;
                int o = r * cols;
                ew.axpy(scale, p, o, g, o, cols);
                g[o + t] -= scale;
            }
        });
    }

    @Override
    public void layerNorm(Buffer xb, Buffer gb, Buffer bb, Buffer yb, Buffer meanb, Buffer rstdb, int rows, int cols,
                          float eps) {
        float[] x = a(xb), gamma = a(gb), beta = a(bb), y = a(yb), mean = a(meanb), rstd = a(rstdb);
        Parallel.forRange(rows, rowGrain(cols), (from, to) -> {
            for (int r = from; r < to; r++) {
                float[] ms = ew.layerNormRow(x, r * cols, cols, gamma, beta, y, eps);
                mean[r] = ms[0];
                rstd[r] = ms[1];
            }
        });
    }

    @Override
    public void layerNormBackward(Buffer gyb, Buffer xb, Buffer gb, Buffer meanb, Buffer rstdb, Buffer gxb,
                                  Buffer ggb, Buffer gbb, int rows, int cols) {
        float[] gy = a(gyb), x = a(xb), gamma = a(gb), mean = a(meanb), rstd = a(rstdb), gx = a(gxb);
        int chunks = Math.max(1, Math.min(Parallel.threads() * 4, rows));
        float[][] pg = new float[chunks][cols], pb = new float[chunks][cols];
        int per = (rows + chunks - 1) / chunks;
        // Each chunk accumulates its own gamma/beta partial sums; they are added up in a fixed order afterwards.
        Parallel.forRange(chunks, 1, (cf, ct) -> {
            for (int ch = cf; ch < ct; ch++) {
                for (int r = ch * per; r < Math.min(rows, (ch + 1) * per); r++) {
                    ew.layerNormRowBackward(gy, x, r * cols, cols, gamma, mean[r], rstd[r], gx, pg[ch], pb[ch]);
                }
            }
        });
        float[] gg = a(ggb), gbeta = a(gbb);
        for (int ch = 0; ch < chunks; ch++) {
            ew.axpy(1f, pg[ch], 0, gg, 0, cols);
            ew.axpy(1f, pb[ch], 0, gbeta, 0, cols);
        }
    }

    @Override
    public void embedding(Buffer tableb, int[] ids, Buffer outb, int dim) {
        float[] t = a(tableb), o = a(outb);
        Parallel.forRange(ids.length, Math.max(1, GRAIN / Math.max(1, dim)), (from, to) -> {
            for (int i = from; i < to; i++) System.arraycopy(t, ids[i] * dim, o, i * dim, dim);
        });
    }

    @Override
    public void permute(Buffer xb, int[] xShape, int[] perm, Buffer yb) {
        float[] x = a(xb), y = a(yb);
        int rank = xShape.length;
        int[] xStrides = llmfs.compute.Shape.strides(xShape);
        int[] yShape = new int[rank], src = new int[rank];
        for (int i = 0; i < rank; i++) {
            yShape[i] = xShape[perm[i]];
            src[i] = xStrides[perm[i]];
        }
        int n = llmfs.compute.Shape.numel(xShape);
        if (n == 0) return;
        // Trailing output dims that stay contiguous and in order in x are copied as one run (the head dim when
        // splitting or merging attention heads); the remaining dims are walked like an odometer, not divided out.
        int run = 1, outer = rank;
        while (outer > 0 && src[outer - 1] == run) run *= yShape[--outer];
        int rows = n / run, r0 = run, k0 = outer;
        Parallel.forRange(rows, Math.max(1, GRAIN / run), (from, to) -> {
            int[] idx = new int[k0];
            int off = 0, f = from;
            for (int d = k0 - 1; d >= 0; d--) {
                idx[d] = f % yShape[d];
                f /= yShape[d];
                off += idx[d] * src[d];
            }
            for (int r = from; r < to; r++) {
                if (r0 == 1) y[r] = x[off];
                else System.arraycopy(x, off, y, r * r0, r0);
                for (int d = k0 - 1; d >= 0; d--) {
                    off += src[d];
                    if (++idx[d] < yShape[d]) break;
                    off -= src[d] * yShape[d];
                    idx[d] = 0;
                }
            }
        });
    }

    // Attention runs as batched matrix products over all heads (the SIMD kernel), with only the masked softmax and
    // its backward as row loops. The products also fill the masked upper triangle, twice the useful work, but at
    // matmul speed that is still far cheaper than dot products one pair at a time.

    @Override
    public void causalAttention(Buffer qb, Buffer kb, Buffer vb, Buffer attb, Buffer outb, int bh, int t, int d,
                                float scale) {
        float[] q = a(qb), k = a(kb), v = a(vb), att = a(attb), out = a(outb);
        long td = (long) t * d, tt = (long) t * t;
        mm.sgemmBatched(false, true, t, t, d, q, 0, d, k, 0, d, att, 0, t, false, bh, td, td, tt);
        Parallel.forRange(bh * t, rowGrain(t), (from, to) -> {
            for (int r = from; r < to; r++) {
                // Row i sees positions 0..i: scale, softmax over those in place (vector kernels), zero the rest.
                ew.causalSoftmaxRow(att, r * t, r % t + 1, t, scale);
            }
        });
        mm.sgemmBatched(false, false, t, d, t, att, 0, t, v, 0, d, out, 0, d, false, bh, tt, td, td);
    }

    @Override
    public void causalAttentionBackward(Buffer gOutb, Buffer qb, Buffer kb, Buffer vb, Buffer attb, Buffer gqb,
                                        Buffer gkb, Buffer gvb, int bh, int t, int d, float scale) {
        float[] go = a(gOutb), q = a(qb), k = a(kb), v = a(vb), att = a(attb);
        long td = (long) t * d, tt = (long) t * t;
        // gv += attᵀ·gOut; gAtt = gOut·vᵀ; gScores = att ∘ (gAtt − rowsum(att ∘ gAtt)) · scale; then
        // gq += gScores·k and gk += gScoresᵀ·q. Masked entries have att = 0, so their gradient is 0 too.
        mm.sgemmBatched(true, false, t, d, t, att, 0, t, go, 0, d, a(gvb), 0, d, true, bh, tt, td, td);
        float[] gs = new float[Math.toIntExact((long) bh * tt)];
        mm.sgemmBatched(false, true, t, t, d, go, 0, d, v, 0, d, gs, 0, t, false, bh, td, td, tt);
        Parallel.forRange(bh * t, rowGrain(t), (from, to) -> {
            for (int r = from; r < to; r++) {
                ew.causalSoftmaxRowBackward(att, r * t, gs, r * t, r % t + 1, t, scale);
            }
        });
        mm.sgemmBatched(false, false, t, d, t, gs, 0, t, k, 0, d, a(gqb), 0, d, true, bh, tt, td, td);
        mm.sgemmBatched(true, false, t, d, t, gs, 0, t, q, 0, d, a(gkb), 0, d, true, bh, tt, td, td);
    }

    // One task per (sequence, head): its three products and the softmax run back to back on one thread, reading
    // q, k, v where the fused projection left them (row stride 3·heads·d) and writing the output in merged-head
    // layout, so there are no split or merge copies and one hand-off to the workers instead of three (five
    // backward).

    @Override
    public void causalSelfAttention(Buffer qkvb, Buffer attb, Buffer outb, int b, int t, int heads, int d,
                                    float scale) {
        float[] qkv = a(qkvb), att = a(attb), out = a(outb);
        int dim = heads * d, row = 3 * dim;
        Parallel.forRange(b * heads, 1, (from, to) -> {
            for (int task = from; task < to; task++) {
                int s = task / heads, h = task % heads;
                int q = s * t * row + h * d, k = q + dim, v = q + 2 * dim;
                int o = s * t * dim + h * d, w = task * t * t;
                mm.sgemm(false, true, t, t, d, qkv, q, row, qkv, k, row, att, w, t, false);
                for (int i = 0; i < t; i++) ew.causalSoftmaxRow(att, w + i * t, i + 1, t, scale);
                mm.sgemm(false, false, t, d, t, att, w, t, qkv, v, row, out, o, dim, false);
            }
        });
    }

    @Override
    public void causalSelfAttentionBackward(Buffer gOutb, Buffer qkvb, Buffer attb, Buffer gQkvb, int b, int t,
                                            int heads, int d, float scale) {
        float[] go = a(gOutb), qkv = a(qkvb), att = a(attb), g = a(gQkvb);
        int dim = heads * d, row = 3 * dim;
        Parallel.forRange(b * heads, 1, (from, to) -> {
            float[] gs = new float[t * t];
            for (int task = from; task < to; task++) {
                int s = task / heads, h = task % heads;
                int q = s * t * row + h * d, k = q + dim, v = q + 2 * dim;
                int o = s * t * dim + h * d, w = task * t * t;
                // gv += attᵀ·gOut; gAtt = gOut·vᵀ; gScores = att ∘ (gAtt − rowsum(att ∘ gAtt)) · scale;
                // gq += gScores·k; gk += gScoresᵀ·q. Masked entries have att = 0, so their gradient is 0 too.
                mm.sgemm(true, false, t, d, t, att, w, t, go, o, dim, g, v, row, true);
                mm.sgemm(false, true, t, t, d, go, o, dim, qkv, v, row, gs, 0, t, false);
                for (int i = 0; i < t; i++) ew.causalSoftmaxRowBackward(att, w + i * t, gs, i * t, i + 1, t, scale);
                mm.sgemm(false, false, t, d, t, gs, 0, t, qkv, k, row, g, q, row, true);
                mm.sgemm(true, false, t, d, t, gs, 0, t, qkv, q, row, g, k, row, true);
            }
        });
    }

    @Override
    public void adamw(Buffer pb, Buffer gb, Buffer mb, Buffer vb, int n, float lr, float beta1, float beta2, float eps,
                      float weightDecay, int step) {
        float[] p = a(pb), g = a(gb), m = a(mb), v = a(vb);
        float bc1 = (float) (1 - Math.pow(beta1, step));
        float bc2 = (float) (1 - Math.pow(beta2, step));
        float decay = 1 - lr * weightDecay;
        Parallel.forRange(n, GRAIN, (from, to) -> ew.adamw(p, g, m, v, from, to, lr, beta1, beta2, eps, decay, bc1, bc2));
    }

    @Override
    public double sumOfSquares(Buffer xb, int n) {
        float[] x = a(xb);
        int chunks = Math.max(1, Math.min(64, n / GRAIN));
        double[] part = new double[chunks];
        int per = (n + chunks - 1) / chunks;
        Parallel.forRange(chunks, 1, (cf, ct) -> {
            for (int ch = cf; ch < ct; ch++) {
                double s = 0;
                for (int i = ch * per; i < Math.min(n, (ch + 1) * per); i++) s += (double) x[i] * x[i];
                part[ch] = s;
            }
        });
        double s = 0;
        for (double d : part) s += d;
        return s;
    }

    private static int rowGrain(int cols) {
        return Math.max(1, GRAIN / Math.max(1, cols));
    }
}
