package llmfs.compute.kernel;

import llmfs.compute.backend.BinaryOp;
import llmfs.compute.backend.UnaryOp;

/** The plain-Java twin of {@link SimdElementwise}. */
public final class ScalarElementwise implements Elementwise {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void unary(UnaryOp op, float[] x, float[] y, int from, int to, float param) {
        switch (op) {
            case TANH:
                for (int i = from; i < to; i++) {
                    // tanh via exp (an intrinsic) is ~5× faster than Math.tanh; clamping keeps exp finite.
                    float v = Math.max(-9f, Math.min(9f, x[i]));
                    float e = (float) Math.exp(2f * v);
                    y[i] = (e - 1f) / (e + 1f);
                }
                break;
            case SCALE:
                for (int i = from; i < to; i++) y[i] = x[i] * param;
                break;
            case ADD_SCALAR:
                for (int i = from; i < to; i++) y[i] = x[i] + param;
                break;
            case RELU:
                for (int i = from; i < to; i++) y[i] = Math.max(x[i], 0f);
                break;
            default:
                for (int i = from; i < to; i++) y[i] = op.apply(x[i], param);
        }
    }

    @Override
    public void unaryBackward(UnaryOp op, float[] x, float[] y, float[] gy, float[] gx, int from, int to,
                              float param) {
        switch (op) {
            case TANH:
                for (int i = from; i < to; i++) gx[i] += (1f - y[i] * y[i]) * gy[i];
                break;
            case SCALE:
                for (int i = from; i < to; i++) gx[i] += param * gy[i];
                break;
            default:
                for (int i = from; i < to; i++) gx[i] += op.derivative(x[i], y[i], param) * gy[i];
        }
    }

    @Override
    public void binary(BinaryOp op, float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        switch (op) {
            case ADD: for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] + b[bo + i]; break;
            case SUB: for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] - b[bo + i]; break;
            case MUL: for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] * b[bo + i]; break;
            case DIV: for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] / b[bo + i]; break;
            default: throw new AssertionError(op);
        }
    }

    @Override
    public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] += alpha * x[xo + i];
    }

    @Override
    public float max(float[] x, int o, int n) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) m = Math.max(m, x[o + i]);
        return m;
    }

    @Override
    public float expShifted(float[] x, int xo, float shift, float[] y, int yo, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) {
            float e = (float) Math.exp(x[xo + i] - shift);
            y[yo + i] = e;
            s += e;
        }
        return s;
    }

    @Override
    public void scale(float[] x, int o, int n, float s) {
        for (int i = 0; i < n; i++) x[o + i] *= s;
    }

    @Override
    public void causalSoftmaxRow(float[] x, int o, int n, int width, float scale) {
        scale(x, o, n, scale);
        float max = max(x, o, n);
        float sum = expShifted(x, o, max, x, o, n);
        scale(x, o, n, 1f / sum);
        java.util.Arrays.fill(x, o + n, o + width, 0f);
    }

    @Override
    public void causalSoftmaxRowBackward(float[] y, int yo, float[] g, int go, int n, int width, float scale) {
        float dot = 0;
        for (int j = 0; j < n; j++) dot += y[yo + j] * g[go + j];
        for (int j = 0; j < n; j++) g[go + j] = y[yo + j] * (g[go + j] - dot) * scale;
        java.util.Arrays.fill(g, go + n, go + width, 0f);
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) s += a[ao + i] * b[bo + i];
        return s;
    }

    @Override
    public void adamw(float[] p, float[] g, float[] m, float[] v, int from, int to, float lr, float beta1,
                      float beta2, float eps, float decay, float bc1, float bc2) {
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = beta1 * m[i] + (1 - beta1) * gi;
            float vi = beta2 * v[i] + (1 - beta2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] = p[i] * decay - lr * (mi / bc1) / ((float) Math.sqrt(vi / bc2) + eps);
        }
    }

    @Override
    public float[] layerNormRow(float[] x, int o, int n, float[] gamma, float[] beta, float[] y, float eps) {
        float s = 0;
        for (int c = 0; c < n; c++) s += x[o + c];
        float mu = s / n;
        float v = 0;
        for (int c = 0; c < n; c++) {
            float d = x[o + c] - mu;
            v += d * d;
        }
        float rs = (float) (1.0 / Math.sqrt(v / n + eps));
        for (int c = 0; c < n; c++) y[o + c] = (x[o + c] - mu) * rs * gamma[c] + beta[c];
        return new float[] {mu, rs};
    }

    @Override
    public void layerNormRowBackward(float[] gy, float[] x, int o, int n, float[] gamma, float mu, float rs,
                                     float[] gx, float[] gGamma, float[] gBeta) {
        float sumD = 0, sumDX = 0;
        for (int c = 0; c < n; c++) {
            float xhat = (x[o + c] - mu) * rs;
            float d = gy[o + c] * gamma[c];
            sumD += d;
            sumDX += d * xhat;
            gGamma[c] += gy[o + c] * xhat;
            gBeta[c] += gy[o + c];
        }
        float mD = sumD / n, mDX = sumDX / n;
        for (int c = 0; c < n; c++) {
            float xhat = (x[o + c] - mu) * rs;
            gx[o + c] += rs * (gy[o + c] * gamma[c] - mD - xhat * mDX);
        }
    }
}
