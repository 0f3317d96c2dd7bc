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
                int o = r * cols;
                float s = 0;
                for (int c = 0; c < cols; c++) s += x[o + c];
                float mu = s / cols;
                float v = 0;
                for (int c = 0; c < cols; c++) {
                    float d = x[o + c] - mu;
                    v += d * d;
                }
                float rs = (float) (1.0 / Math.sqrt(v / cols + eps));
                mean[r] = mu;
                rstd[r] = rs;
                for (int c = 0; c < cols; c++) y[o + c] = (x[o + c] - mu) * rs * gamma[c] + beta[c];
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
                float[] gg = pg[ch], gbeta = pb[ch];
                for (int r = ch * per; r < Math.min(rows, (ch + 1) * per); r++) {
                    int o = r * cols;
                    float mu = mean[r], rs = rstd[r];
                    float sumD = 0, sumDX = 0;
                    for (int c = 0; c < cols; c++) {
                        float xhat = (x[o + c] - mu) * rs;
                        float d = gy[o + c] * gamma[c];
                        sumD += d;
                        sumDX += d * xhat;
                        gg[c] += gy[o + c] * xhat;
                        gbeta[c] += gy[o + c];
                    }
                    float mD = sumD / cols, mDX = sumDX / cols;
                    for (int c = 0; c < cols; c++) {
                        float xhat = (x[o + c] - mu) * rs;
                        gx[o + c] += rs * (gy[o + c] * gamma[c] - mD - xhat * mDX);
                    }
                }
            }
        });
        float[] gg = a(ggb), gbeta = a(gbb);
        for (int ch = 0; ch < chunks; ch++) {
            for (int c = 0; c < cols; c++) {
                gg[c] += pg[ch][c];
                gbeta[c] += pb[ch][c];
            }
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
    public void causalAttention(Buffer qb, Buffer kb, Buffer vb, Buffer attb, Buffer outb, int bh, int t, int d,
                                float scale) {
        // Heads are independent: run the reference loops one head per task.
        Parallel.forRange(bh, 1, (from, to) -> {
            for (int h = from; h < to; h++) attentionHead(a(qb), a(kb), a(vb), a(attb), a(outb), h, t, d, scale);
        });
    }

    private static void attentionHead(float[] q, float[] k, float[] v, float[] att, float[] out, int h, int t, int d,
                                      float scale) {
        int base = h * t * d, ab = h * t * t;
        for (int i = 0; i < t; i++) {
            int qi = base + i * d, ai = ab + i * t;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j <= i; j++) {
                int kj = base + j * d;
                float s = 0;
                for (int c = 0; c < d; c++) s += q[qi + c] * k[kj + c];
                s *= scale;
                att[ai + j] = s;
                max = Math.max(max, s);
            }
            float sum = 0;
            for (int j = 0; j <= i; j++) {
                float e = (float) Math.exp(att[ai + j] - max);
                att[ai + j] = e;
                sum += e;
            }
            float inv = 1f / sum;
            for (int j = 0; j <= i; j++) att[ai + j] *= inv;
            for (int j = i + 1; j < t; j++) att[ai + j] = 0f;
            int oi = base + i * d;
            for (int c = 0; c < d; c++) out[oi + c] = 0f;
            for (int j = 0; j <= i; j++) {
                float w = att[ai + j];
                int vj = base + j * d;
                for (int c = 0; c < d; c++) out[oi + c] += w * v[vj + c];
            }
        }
    }

    @Override
    public void causalAttentionBackward(Buffer gOutb, Buffer qb, Buffer kb, Buffer vb, Buffer attb, Buffer gqb,
                                        Buffer gkb, Buffer gvb, int bh, int t, int d, float scale) {
        Parallel.forRange(bh, 1, (from, to) -> {
            float[] go = a(gOutb), q = a(qb), k = a(kb), v = a(vb), att = a(attb), gq = a(gqb), gk = a(gkb),
                    gv = a(gvb);
            float[] gatt = new float[t];
            for (int h = from; h < to; h++) {
                int base = h * t * d, ab = h * t * t;
                for (int i = 0; i < t; i++) {
                    int oi = base + i * d, ai = ab + i * t;
                    float dot = 0;
                    for (int j = 0; j <= i; j++) {
                        float w = att[ai + j];
                        int vj = base + j * d;
                        float g = 0;
                        for (int c = 0; c < d; c++) {
                            gv[vj + c] += w * go[oi + c];
                            g += go[oi + c] * v[vj + c];
                        }
                        gatt[j] = g;
                        dot += w * g;
                    }
                    for (int j = 0; j <= i; j++) {
                        float gs = att[ai + j] * (gatt[j] - dot) * scale;
                        int kj = base + j * d;
                        for (int c = 0; c < d; c++) {
                            gq[oi + c] += gs * k[kj + c];
                            gk[kj + c] += gs * q[oi + c];
                        }
                    }
                }
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
