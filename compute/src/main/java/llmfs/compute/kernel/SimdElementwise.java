package llmfs.compute.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import llmfs.compute.backend.BinaryOp;
import llmfs.compute.backend.UnaryOp;

/**
 * Vector API elementwise loops. Each method runs whole vectors and finishes the tail with the scalar twin, so
 * results for the last few elements use the same formulas as {@link ScalarElementwise}.
 */
final class SimdElementwise implements Elementwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private final ScalarElementwise tail = new ScalarElementwise();
    private static final float INV_SQRT_2PI = (float) (1 / Math.sqrt(2 * Math.PI));
    private static final float INV_SQRT_2 = (float) (1 / Math.sqrt(2));

    /** erfc(|x|/√2) with the Chebyshev fit of {@link UnaryOp#erf} (|error| < 1.2e-7), all lanes at once. */
    private static FloatVector erfcOfScaled(FloatVector x) {
        FloatVector z = x.abs().mul(INV_SQRT_2);
        FloatVector t = FloatVector.broadcast(S, 1f).div(z.fma(0.5f, 1f));
        FloatVector p = t.fma(0.17087277f, -0.82215223f);
        p = p.fma(t, FloatVector.broadcast(S, 1.48851587f));
        p = p.fma(t, FloatVector.broadcast(S, -1.13520398f));
        p = p.fma(t, FloatVector.broadcast(S, 0.27886807f));
        p = p.fma(t, FloatVector.broadcast(S, -0.18628806f));
        p = p.fma(t, FloatVector.broadcast(S, 0.09678418f));
        p = p.fma(t, FloatVector.broadcast(S, 0.37409196f));
        p = p.fma(t, FloatVector.broadcast(S, 1.00002368f));
        p = p.fma(t, FloatVector.broadcast(S, -1.26551223f));
        return t.mul(p.sub(z.mul(z)).lanewise(VectorOperators.EXP));
    }

    @Override
    public String name() {
        return "simd-" + S.vectorBitSize();
    }

    @Override
    public void unary(UnaryOp op, float[] x, float[] y, int from, int to, float param) {
        int i = from;
        int bound = from + (to - from) / L * L;
        switch (op) {
            case TANH:
                for (; i < bound; i += L) FloatVector.fromArray(S, x, i).lanewise(VectorOperators.TANH).intoArray(y, i);
                break;
            case EXP:
                for (; i < bound; i += L) FloatVector.fromArray(S, x, i).lanewise(VectorOperators.EXP).intoArray(y, i);
                break;
            case LOG:
                for (; i < bound; i += L) FloatVector.fromArray(S, x, i).lanewise(VectorOperators.LOG).intoArray(y, i);
                break;
            case SCALE:
                for (; i < bound; i += L) FloatVector.fromArray(S, x, i).mul(param).intoArray(y, i);
                break;
            case ADD_SCALAR:
                for (; i < bound; i += L) FloatVector.fromArray(S, x, i).add(param).intoArray(y, i);
                break;
            case RELU:
                for (; i < bound; i += L) FloatVector.fromArray(S, x, i).max(0f).intoArray(y, i);
                break;
            case NEG:
                for (; i < bound; i += L) FloatVector.fromArray(S, x, i).neg().intoArray(y, i);
                break;
            case SQUARE:
                for (; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, i);
                    v.mul(v).intoArray(y, i);
                }
                break;
            case SQRT:
                for (; i < bound; i += L) FloatVector.fromArray(S, x, i).lanewise(VectorOperators.SQRT).intoArray(y, i);
                break;
            case SIGMOID:
                for (; i < bound; i += L) {
                    FloatVector e = FloatVector.fromArray(S, x, i).neg().lanewise(VectorOperators.EXP);
                    FloatVector.broadcast(S, 1f).div(e.add(1f)).intoArray(y, i);
                }
                break;
            case GELU:
                for (; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, i);
                    // x·Φ(x) with Φ(x) = 1 − r/2 for x ≥ 0 and r/2 below, r = erfc(|x|/√2) from the same fit as UnaryOp.
                    FloatVector half = erfcOfScaled(v).mul(0.5f);
                    FloatVector cdf = half.neg().add(1f).blend(half, v.compare(VectorOperators.LT, 0f));
                    v.mul(cdf).intoArray(y, i);
                }
                break;
            default:
                i = from; // anything new: scalar
        }
        if (i < to) tail.unary(op, x, y, i, to, param);
    }

    @Override
    public void unaryBackward(UnaryOp op, float[] x, float[] y, float[] gy, float[] gx, int from, int to,
                              float param) {
        int i = from;
        int bound = from + (to - from) / L * L;
        switch (op) {
            case TANH:
                for (; i < bound; i += L) {
                    FloatVector yv = FloatVector.fromArray(S, y, i);
                    FloatVector d = yv.mul(yv).neg().add(1f);
                    d.fma(FloatVector.fromArray(S, gy, i), FloatVector.fromArray(S, gx, i)).intoArray(gx, i);
                }
                break;
            case SCALE:
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, gy, i).fma(FloatVector.broadcast(S, param), FloatVector.fromArray(S, gx, i)).intoArray(gx, i);
                }
                break;
            case EXP:
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, y, i).fma(FloatVector.fromArray(S, gy, i), FloatVector.fromArray(S, gx, i))
                            .intoArray(gx, i);
                }
                break;
            case GELU:
                for (; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, i);
                    // Φ(x) read back from the forward output y = x·Φ(x) (one division instead of erfc's division,
                    // exponential and polynomial); Φ(0) = 1/2 where x is too small to divide by.
                    FloatVector cdf = FloatVector.fromArray(S, y, i).div(v)
                            .blend(0.5f, v.abs().compare(VectorOperators.LT, 1e-30f));
                    FloatVector pdf = v.mul(v).mul(-0.5f).lanewise(VectorOperators.EXP).mul(INV_SQRT_2PI);
                    FloatVector d = v.fma(pdf, cdf);
                    d.fma(FloatVector.fromArray(S, gy, i), FloatVector.fromArray(S, gx, i)).intoArray(gx, i);
                }
                break;
            default:
                i = from;
        }
        if (i < to) tail.unaryBackward(op, x, y, gy, gx, i, to, param);
    }

    @Override
    public void binary(BinaryOp op, float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        int i = 0;
        int bound = n / L * L;
        for (; i < bound; i += L) {
            FloatVector va = FloatVector.fromArray(S, a, ao + i), vb = FloatVector.fromArray(S, b, bo + i);
            FloatVector r;
            switch (op) {
                case ADD: r = va.add(vb); break;
                case SUB: r = va.sub(vb); break;
                case MUL: r = va.mul(vb); break;
                case DIV: r = va.div(vb); break;
                default: throw new AssertionError(op);
            }
            r.intoArray(out, oo + i);
        }
        if (i < n) tail.binary(op, a, ao + i, b, bo + i, out, oo + i, n - i);
    }

    @Override
    public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        int bound = n / L * L;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, x, xo + i).fma(FloatVector.broadcast(S, alpha), FloatVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
        }
        if (i < n) tail.axpy(alpha, x, xo + i, y, yo + i, n - i);
    }

    @Override
    public float max(float[] x, int o, int n) {
        int i = 0;
        int bound = n / L * L;
        float m = Float.NEGATIVE_INFINITY;
        if (bound > 0) {
            FloatVector acc = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            for (; i < bound; i += L) acc = acc.max(FloatVector.fromArray(S, x, o + i));
            m = acc.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) m = Math.max(m, x[o + i]);
        return m;
    }

    @Override
    public float expShifted(float[] x, int xo, float shift, float[] y, int yo, int n) {
        int i = 0;
        int bound = n / L * L;
        float s = 0;
        if (bound > 0) {
            FloatVector acc = FloatVector.zero(S);
            for (; i < bound; i += L) {
                FloatVector e = FloatVector.fromArray(S, x, xo + i).sub(shift).lanewise(VectorOperators.EXP);
                e.intoArray(y, yo + i);
                acc = acc.add(e);
            }
            s = acc.reduceLanes(VectorOperators.ADD);
        }
        if (i < n) s += tail.expShifted(x, xo + i, shift, y, yo + i, n - i);
        return s;
    }

    @Override
    public void scale(float[] x, int o, int n, float s) {
        int i = 0;
        int bound = n / L * L;
        for (; i < bound; i += L) FloatVector.fromArray(S, x, o + i).mul(s).intoArray(x, o + i);
        if (i < n) tail.scale(x, o + i, n - i, s);
    }

    // The two attention-row kernels finish a row with a masked vector instead of scalar steps: rows of causal
    // attention have every length from 1 to T, so with scalar tails most of the exponentials ran one at a time.

    @Override
    public void causalSoftmaxRow(float[] x, int o, int n, int width, float scale) {
        int nv = (n + L - 1) / L * L;
        if (nv <= width && scale > 0) {
            // Whole vectors, no masks (JDK 17 does not compile masked loads to vector code; this row ran a third
            // faster there without them): the scores past n are scratch, so they become -inf, whose exponential
            // is 0, and the row comes out already zero there.
            java.util.Arrays.fill(x, o + n, o + nv, Float.NEGATIVE_INFINITY);
            FloatVector mx = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            for (int i = 0; i < nv; i += L) {
                FloatVector v = FloatVector.fromArray(S, x, o + i).mul(scale);
                v.intoArray(x, o + i);
                mx = mx.max(v);
            }
            float max = mx.reduceLanes(VectorOperators.MAX);
            FloatVector acc = FloatVector.zero(S);
            for (int i = 0; i < nv; i += L) {
                FloatVector e = FloatVector.fromArray(S, x, o + i).sub(max).lanewise(VectorOperators.EXP);
                e.intoArray(x, o + i);
                acc = acc.add(e);
            }
            float inv = 1f / acc.reduceLanes(VectorOperators.ADD);
            for (int i = 0; i < nv; i += L) FloatVector.fromArray(S, x, o + i).mul(inv).intoArray(x, o + i);
            java.util.Arrays.fill(x, o + nv, o + width, 0f);
            return;
        }
        FloatVector mx = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(S, x, o + i, m).mul(scale);
            v.intoArray(x, o + i, m);
            mx = mx.lanewise(VectorOperators.MAX, v, m);
        }
        float max = mx.reduceLanes(VectorOperators.MAX);
        FloatVector acc = FloatVector.zero(S);
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector e = FloatVector.fromArray(S, x, o + i, m).sub(max).lanewise(VectorOperators.EXP);
            e.intoArray(x, o + i, m);
            acc = acc.add(e, m);
        }
        float inv = 1f / acc.reduceLanes(VectorOperators.ADD);
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, x, o + i, m).mul(inv).intoArray(x, o + i, m);
        }
        java.util.Arrays.fill(x, o + n, o + width, 0f);
    }

    @Override
    public void causalSoftmaxRowBackward(float[] y, int yo, float[] g, int go, int n, int width, float scale) {
        FloatVector acc = FloatVector.zero(S);
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            acc = FloatVector.fromArray(S, y, yo + i, m).fma(FloatVector.fromArray(S, g, go + i, m), acc);
        }
        float dot = acc.reduceLanes(VectorOperators.ADD);
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector yv = FloatVector.fromArray(S, y, yo + i, m);
            yv.mul(FloatVector.fromArray(S, g, go + i, m).sub(dot)).mul(scale).intoArray(g, go + i, m);
        }
        java.util.Arrays.fill(g, go + n, go + width, 0f);
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n) {
        int i = 0;
        int bound = n / L * L;
        float s = 0;
        if (bound > 0) {
            FloatVector acc = FloatVector.zero(S);
            for (; i < bound; i += L) acc = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), acc);
            s = acc.reduceLanes(VectorOperators.ADD);
        }
        if (i < n) s += tail.dot(a, ao + i, b, bo + i, n - i);
        return s;
    }

    @Override
    public void adamw(float[] p, float[] g, float[] m, float[] v, int from, int to, float lr, float beta1,
                      float beta2, float eps, float decay, float bc1, float bc2) {
        int i = from;
        int bound = from + (to - from) / L * L;
        float ib1 = 1f / bc1, ib2 = 1f / bc2;
        for (; i < bound; i += L) {
            FloatVector gi = FloatVector.fromArray(S, g, i);
            FloatVector mi = FloatVector.fromArray(S, m, i).mul(beta1).add(gi.mul(1 - beta1));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(beta2).add(gi.mul(gi).mul(1 - beta2));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector denom = vi.mul(ib2).lanewise(VectorOperators.SQRT).add(eps);
            FloatVector.fromArray(S, p, i).mul(decay).sub(mi.mul(ib1 * lr).div(denom)).intoArray(p, i);
        }
        if (i < to) tail.adamw(p, g, m, v, i, to, lr, beta1, beta2, eps, decay, bc1, bc2);
    }

    @Override
    public float[] layerNormRow(float[] x, int o, int n, float[] gamma, float[] beta, float[] y, float eps) {
        int bound = n / L * L, c = 0;
        FloatVector acc = FloatVector.zero(S);
        for (; c < bound; c += L) acc = acc.add(FloatVector.fromArray(S, x, o + c));
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; c < n; c++) s += x[o + c];
        float mu = s / n;
        acc = FloatVector.zero(S);
        for (c = 0; c < bound; c += L) {
            FloatVector d = FloatVector.fromArray(S, x, o + c).sub(mu);
            acc = d.fma(d, acc);
        }
        float v = acc.reduceLanes(VectorOperators.ADD);
        for (; c < n; c++) {
            float d = x[o + c] - mu;
            v += d * d;
        }
        float rs = (float) (1.0 / Math.sqrt(v / n + eps));
        for (c = 0; c < bound; c += L) {
            FloatVector xh = FloatVector.fromArray(S, x, o + c).sub(mu).mul(rs);
            xh.fma(FloatVector.fromArray(S, gamma, c), FloatVector.fromArray(S, beta, c)).intoArray(y, o + c);
        }
        for (; c < n; c++) y[o + c] = (x[o + c] - mu) * rs * gamma[c] + beta[c];
        return new float[] {mu, rs};
    }

    @Override
    public void layerNormRowBackward(float[] gy, float[] x, int o, int n, float[] gamma, float mu, float rs,
                                     float[] gx, float[] gGamma, float[] gBeta) {
        int bound = n / L * L, c = 0;
        FloatVector accD = FloatVector.zero(S), accDX = FloatVector.zero(S);
        for (; c < bound; c += L) {
            FloatVector xh = FloatVector.fromArray(S, x, o + c).sub(mu).mul(rs);
            FloatVector g = FloatVector.fromArray(S, gy, o + c);
            FloatVector d = g.mul(FloatVector.fromArray(S, gamma, c));
            accD = accD.add(d);
            accDX = d.fma(xh, accDX);
            g.fma(xh, FloatVector.fromArray(S, gGamma, c)).intoArray(gGamma, c);
            g.add(FloatVector.fromArray(S, gBeta, c)).intoArray(gBeta, c);
        }
        float sumD = accD.reduceLanes(VectorOperators.ADD), sumDX = accDX.reduceLanes(VectorOperators.ADD);
        for (; c < n; c++) {
            float xhat = (x[o + c] - mu) * rs;
            float d = gy[o + c] * gamma[c];
            sumD += d;
            sumDX += d * xhat;
            gGamma[c] += gy[o + c] * xhat;
            gBeta[c] += gy[o + c];
        }
        float mD = sumD / n, mDX = sumDX / n;
        for (c = 0; c < bound; c += L) {
            FloatVector xh = FloatVector.fromArray(S, x, o + c).sub(mu).mul(rs);
            FloatVector d = FloatVector.fromArray(S, gy, o + c).mul(FloatVector.fromArray(S, gamma, c));
            d.sub(mD).sub(xh.mul(mDX)).fma(FloatVector.broadcast(S, rs), FloatVector.fromArray(S, gx, o + c)).intoArray(gx, o + c);
        }
        for (; c < n; c++) {
            float xhat = (x[o + c] - mu) * rs;
            gx[o + c] += rs * (gy[o + c] * gamma[c] - mD - xhat * mDX);
        }
    }
}
