package llmfs.compute.backend;

/**
 * The reference backend: single-threaded, scalar Java, written to be read. Every other backend is tested against
 * it (and it against float64 formulas). Speed is not its job.
 */
public class ScalarBackend implements Backend {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public String description() {
        return "scalar Java, 1 thread (reference)";
    }

    protected static float[] a(Buffer b) {
        return ((HostBuffer) b).data;
    }

    @Override
    public Buffer allocate(int size) {
        return new HostBuffer(this, new float[size]);
    }

    @Override
    public Buffer upload(float[] src, int off, int len) {
        float[] d = new float[len];
        System.arraycopy(src, off, d, 0, len);
        return new HostBuffer(this, d);
    }

    /** Wraps an array without copying (CPU backends only). */
    public Buffer wrap(float[] data) {
        return new HostBuffer(this, data);
    }

    @Override
    public void download(Buffer src, int srcOff, float[] dst, int dstOff, int len) {
        System.arraycopy(a(src), srcOff, dst, dstOff, len);
    }

    @Override
    public void copy(Buffer src, int srcOff, Buffer dst, int dstOff, int len) {
        System.arraycopy(a(src), srcOff, a(dst), dstOff, len);
    }

    @Override
    public void fill(Buffer dst, int off, int len, float value) {
        java.util.Arrays.fill(a(dst), off, off + len, value);
    }

    @Override
    public void matmul(Buffer ab, Buffer bb, Buffer cb, int batch, int m, int n, int k, boolean transA, boolean transB,
                       long strideA, long strideB, long strideC, boolean accumulate) {
        float[] A = a(ab), B = a(bb), C = a(cb);
        for (int bi = 0; bi < batch; bi++) {
            int ao = (int) (bi * strideA), bo = (int) (bi * strideB), co = (int) (bi * strideC);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    float s = 0;
                    for (int p = 0; p < k; p++) {
                        float x = transA ? A[ao + p * m + i] : A[ao + i * k + p];
                        float y = transB ? B[bo + j * k + p] : B[bo + p * n + j];
                        s += x * y;
                    }
                    C[co + i * n + j] = accumulate ? C[co + i * n + j] + s : s;
                }
            }
        }
    }

    @Override
    public void unary(UnaryOp op, Buffer xb, Buffer yb, int n, float param) {
        float[] x = a(xb), y = a(yb);
        for (int i = 0; i < n; i++) y[i] = op.apply(x[i], param);
    }

    @Override
    public void unaryBackward(UnaryOp op, Buffer xb, Buffer yb, Buffer gyb, Buffer gxb, int n, float param) {
        float[] x = a(xb), y = a(yb), gy = a(gyb), gx = a(gxb);
        for (int i = 0; i < n; i++) gx[i] += op.derivative(x[i], y[i], param) * gy[i];
    }

    @Override
    public void binary(BinaryOp op, Buffer ab, Buffer bb, Buffer outb, Broadcast bc) {
        float[] A = a(ab), B = a(bb), O = a(outb);
        for (int i = 0; i < bc.size; i++) {
            O[i] = op.apply(A[Broadcast.offset(i, bc.outShape, bc.aStrides)],
                    B[Broadcast.offset(i, bc.outShape, bc.bStrides)]);
        }
    }

    @Override
    public void sumTo(Buffer xb, int[] xShape, Buffer yb, int[] yShape, boolean accumulate) {
        float[] x = a(xb), y = a(yb);
        int ySize = llmfs.compute.Shape.numel(yShape);
        double[] acc = new double[ySize];
        int[] ys = llmfs.compute.Shape.broadcastStrides(yShape, xShape);
        int n = llmfs.compute.Shape.numel(xShape);
        for (int i = 0; i < n; i++) acc[Broadcast.offset(i, xShape, ys)] += x[i];
        for (int i = 0; i < ySize; i++) y[i] = (float) (accumulate ? y[i] + acc[i] : acc[i]);
    }

    @Override
    public void axpy(float alpha, Buffer xb, int xOff, Buffer yb, int yOff, int n) {
        float[] x = a(xb), y = a(yb);
        for (int i = 0; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    @Override
    public void permute(Buffer xb, int[] xShape, int[] perm, Buffer yb) {
        float[] x = a(xb), y = a(yb);
        int rank = xShape.length;
        int[] xStrides = llmfs.compute.Shape.strides(xShape);
        int[] yShape = new int[rank];
        int[] srcStrides = new int[rank];
        for (int i = 0; i < rank; i++) {
            yShape[i] = xShape[perm[i]];
            srcStrides[i] = xStrides[perm[i]];
        }
        int n = y.length;
        for (int i = 0; i < n; i++) y[i] = x[Broadcast.offset(i, yShape, srcStrides)];
    }

    @Override
    public void softmax(Buffer xb, Buffer yb, int rows, int cols, boolean log) {
        float[] x = a(xb), y = a(yb);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) max = Math.max(max, x[o + c]);
            double sum = 0;
            for (int c = 0; c < cols; c++) sum += Math.exp(x[o + c] - max);
            if (log) {
                float lse = (float) Math.log(sum);
                for (int c = 0; c < cols; c++) y[o + c] = x[o + c] - max - lse;
            } else {
                for (int c = 0; c < cols; c++) y[o + c] = (float) (Math.exp(x[o + c] - max) / sum);
            }
        }
    }

    @Override
    public void softmaxBackward(Buffer yb, Buffer gyb, Buffer gxb, int rows, int cols, boolean log) {
        float[] y = a(yb), gy = a(gyb), gx = a(gxb);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            if (log) {
                // y = x − lse(x): gx = gy − softmax(x)·Σgy
                double s = 0;
                for (int c = 0; c < cols; c++) s += gy[o + c];
                for (int c = 0; c < cols; c++) gx[o + c] += gy[o + c] - (float) (Math.exp(y[o + c]) * s);
            } else {
                // gx = y ⊙ (gy − Σ y·gy)
                double dot = 0;
                for (int c = 0; c < cols; c++) dot += (double) y[o + c] * gy[o + c];
                for (int c = 0; c < cols; c++) gx[o + c] += y[o + c] * (gy[o + c] - (float) dot);
            }
        }
    }

    @Override
    public void crossEntropy(Buffer logitsb, int[] targets, int rows, int cols, int ignoreIndex, Buffer probsb,
                            Buffer lossb) {
        float[] x = a(logitsb), p = a(probsb);
        double total = 0;
        int count = 0;
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) max = Math.max(max, x[o + c]);
            double sum = 0;
            for (int c = 0; c < cols; c++) sum += Math.exp(x[o + c] - max);
            for (int c = 0; c < cols; c++) p[o + c] = (float) (Math.exp(x[o + c] - max) / sum);
            int t = targets[r];
            if (t == ignoreIndex) continue;
            total += Math.log(sum) + max - x[o + t];
            count++;
        }
        a(lossb)[0] = count == 0 ? 0f : (float) (total / count);
    }

    @Override
    public void crossEntropyBackward(Buffer probsb, int[] targets, int rows, int cols, int ignoreIndex, float scale,
                                     Buffer gb) {
        float[] p = a(probsb), g = a(gb);
        for (int r = 0; r < rows; r++) {
            int t = targets[r];
            if (t == ignoreIndex) continue;
            int o = r * cols;
            for (int c = 0; c < cols; c++) g[o + c] += scale * (p[o + c] - (c == t ? 1f : 0f));
        }
    }

    @Override
    public void layerNorm(Buffer xb, Buffer gb, Buffer bb, Buffer yb, Buffer meanb, Buffer rstdb, int rows, int cols,
                          float eps) {
        float[] x = a(xb), gamma = a(gb), beta = a(bb), y = a(yb), mean = a(meanb), rstd = a(rstdb);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double s = 0;
            for (int c = 0; c < cols; c++) s += x[o + c];
            double mu = s / cols;
            double v = 0;
            for (int c = 0; c < cols; c++) {
                double d = x[o + c] - mu;
                v += d * d;
            }
            double rs = 1.0 / Math.sqrt(v / cols + eps);
            mean[r] = (float) mu;
            rstd[r] = (float) rs;
            for (int c = 0; c < cols; c++) y[o + c] = (float) ((x[o + c] - mu) * rs) * gamma[c] + beta[c];
        }
    }

    @Override
    public void layerNormBackward(Buffer gyb, Buffer xb, Buffer gb, Buffer meanb, Buffer rstdb, Buffer gxb,
                                  Buffer ggb, Buffer gbb, int rows, int cols) {
        float[] gy = a(gyb), x = a(xb), gamma = a(gb), mean = a(meanb), rstd = a(rstdb), gx = a(gxb), gg = a(ggb),
                gbeta = a(gbb);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float mu = mean[r], rs = rstd[r];
            // dxhat = gy·gamma; gx = rs·(dxhat − mean(dxhat) − xhat·mean(dxhat·xhat))
            double sumD = 0, sumDX = 0;
            for (int c = 0; c < cols; c++) {
                float xhat = (x[o + c] - mu) * rs;
                float d = gy[o + c] * gamma[c];
                sumD += d;
                sumDX += d * xhat;
                gg[c] += gy[o + c] * xhat;
                gbeta[c] += gy[o + c];
            }
            float mD = (float) (sumD / cols), mDX = (float) (sumDX / cols);
            for (int c = 0; c < cols; c++) {
                float xhat = (x[o + c] - mu) * rs;
                gx[o + c] += rs * (gy[o + c] * gamma[c] - mD - xhat * mDX);
            }
        }
    }

    @Override
    public void embedding(Buffer tableb, int[] ids, Buffer outb, int dim) {
        float[] t = a(tableb), o = a(outb);
        for (int i = 0; i < ids.length; i++) System.arraycopy(t, ids[i] * dim, o, i * dim, dim);
    }

    @Override
    public void embeddingBackward(Buffer gOutb, int[] ids, Buffer gTableb, int dim) {
        float[] g = a(gOutb), gt = a(gTableb);
        for (int i = 0; i < ids.length; i++) {
            int src = i * dim, dst = ids[i] * dim;
            for (int c = 0; c < dim; c++) gt[dst + c] += g[src + c];
        }
    }

    @Override
    public void causalAttention(Buffer qb, Buffer kb, Buffer vb, Buffer attb, Buffer outb, int bh, int t, int d,
                                float scale) {
        float[] q = a(qb), k = a(kb), v = a(vb), att = a(attb), out = a(outb);
        for (int h = 0; h < bh; h++) {
            int base = h * t * d, ab = h * t * t;
            for (int i = 0; i < t; i++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j <= i; j++) {
                    float s = 0;
                    for (int c = 0; c < d; c++) s += q[base + i * d + c] * k[base + j * d + c];
                    s *= scale;
                    att[ab + i * t + j] = s;
                    max = Math.max(max, s);
                }
                double sum = 0;
                for (int j = 0; j <= i; j++) {
                    float e = (float) Math.exp(att[ab + i * t + j] - max);
                    att[ab + i * t + j] = e;
                    sum += e;
                }
                for (int j = 0; j < t; j++) att[ab + i * t + j] = j <= i ? (float) (att[ab + i * t + j] / sum) : 0f;
                for (int c = 0; c < d; c++) {
                    float s = 0;
                    for (int j = 0; j <= i; j++) s += att[ab + i * t + j] * v[base + j * d + c];
                    out[base + i * d + c] = s;
                }
            }
        }
    }

    @Override
    public void causalAttentionBackward(Buffer gOutb, Buffer qb, Buffer kb, Buffer vb, Buffer attb, Buffer gqb,
                                        Buffer gkb, Buffer gvb, int bh, int t, int d, float scale) {
        float[] go = a(gOutb), q = a(qb), k = a(kb), v = a(vb), att = a(attb), gq = a(gqb), gk = a(gkb), gv = a(gvb);
        float[] gatt = new float[t];
        for (int h = 0; h < bh; h++) {
            int base = h * t * d, ab = h * t * t;
            for (int i = 0; i < t; i++) {
                // gv[j] += att[i,j]·gout[i];  gatt[j] = gout[i]·v[j]
                double dot = 0;
                for (int j = 0; j <= i; j++) {
                    float w = att[ab + i * t + j];
                    float g = 0;
                    for (int c = 0; c < d; c++) {
                        gv[base + j * d + c] += w * go[base + i * d + c];
                        g += go[base + i * d + c] * v[base + j * d + c];
                    }
                    gatt[j] = g;
                    dot += (double) w * g;
                }
                // softmax backward, then through the scaled scores
                for (int j = 0; j <= i; j++) {
                    float gs = att[ab + i * t + j] * (gatt[j] - (float) dot) * scale;
                    for (int c = 0; c < d; c++) {
                        gq[base + i * d + c] += gs * k[base + j * d + c];
                        gk[base + j * d + c] += gs * q[base + i * d + c];
                    }
                }
            }
        }
    }

    @Override
    public void adamw(Buffer pb, Buffer gb, Buffer mb, Buffer vb, int n, float lr, float beta1, float beta2, float eps,
                      float weightDecay, int step) {
        float[] p = a(pb), g = a(gb), m = a(mb), v = a(vb);
        float bc1 = (float) (1 - Math.pow(beta1, step));
        float bc2 = (float) (1 - Math.pow(beta2, step));
        for (int i = 0; i < n; i++) {
            p[i] -= lr * weightDecay * p[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            float mhat = m[i] / bc1;
            float vhat = v[i] / bc2;
            p[i] -= lr * mhat / ((float) Math.sqrt(vhat) + eps);
        }
    }

    @Override
    public double sumOfSquares(Buffer xb, int n) {
        float[] x = a(xb);
        double s = 0;
        for (int i = 0; i < n; i++) s += (double) x[i] * x[i];
        return s;
    }
}
