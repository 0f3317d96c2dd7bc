package llmfs.compute.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CachedAttention} on the Vector API; loaded only after {@link Simd#available()} said yes. Scores are
 * computed a vector of positions at a time (the accumulator stays in a register over the head's channels), the
 * softmax runs on whole vectors with the positions past {@code n} set to −∞ (so they weigh exactly 0), and the
 * weighted sum of values keeps a head's outputs in registers over all positions. A head width that is not a whole
 * number of vectors takes the scalar twin's loops for the values.
 */
final class SimdCachedAttention implements CachedAttention {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private final ScalarCachedAttention scalar = new ScalarCachedAttention();

    @Override
    public void attend(float[] q, int qo, float[] keysT, int stride, float[] values, int dim, int heads, int n,
                       float scale, float[] scores, float[] out, int oo) {
        int whole = (n + L - 1) / L * L;
        if (stride % L != 0 || stride < whole) {
            scalar.attend(q, qo, keysT, stride, values, dim, heads, n, scale, scores, out, oo);
            return;
        }
        int hd = dim / heads;
        for (int h = 0; h < heads; h++) {
            int o = h * hd;
            FloatVector top = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            for (int b = 0; b < whole; b += L) {
                FloatVector acc = FloatVector.zero(S);
                for (int d = 0, k = o * stride + b; d < hd; d++, k += stride) {
                    acc = FloatVector.fromArray(S, keysT, k).fma(FloatVector.broadcast(S, q[qo + o + d] * scale), acc);
                }
                acc.intoArray(scores, b);
                if (b + L > n) {
                    for (int j = n; j < b + L; j++) scores[j] = Float.NEGATIVE_INFINITY;
                    acc = FloatVector.fromArray(S, scores, b);
                }
                top = top.max(acc);
            }
            float max = top.reduceLanes(VectorOperators.MAX);
            FloatVector total = FloatVector.zero(S);
            for (int b = 0; b < whole; b += L) {
                FloatVector e = FloatVector.fromArray(S, scores, b).sub(max).lanewise(VectorOperators.EXP);
                e.intoArray(scores, b);
                total = total.add(e);
            }
            float inv = 1f / total.reduceLanes(VectorOperators.ADD);
            if (hd % L != 0) {
                java.util.Arrays.fill(out, oo + o, oo + o + hd, 0f);
                for (int j = 0; j < n; j++) {
                    float w = scores[j];
                    int v = j * dim + o;
                    for (int d = 0; d < hd; d++) out[oo + o + d] += w * values[v + d];
                }
                for (int d = 0; d < hd; d++) out[oo + o + d] *= inv;
                continue;
            }
            int c = 0;
            for (; c + 2 * L <= hd; c += 2 * L) { // two independent chains hide the multiply-add latency
                FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S);
                for (int j = 0, v = o + c; j < n; j++, v += dim) {
                    FloatVector w = FloatVector.broadcast(S, scores[j]);
                    a0 = FloatVector.fromArray(S, values, v).fma(w, a0);
                    a1 = FloatVector.fromArray(S, values, v + L).fma(w, a1);
                }
                a0.mul(inv).intoArray(out, oo + o + c);
                a1.mul(inv).intoArray(out, oo + o + c + L);
            }
            for (; c < hd; c += L) {
                FloatVector acc = FloatVector.zero(S);
                for (int j = 0, v = o + c; j < n; j++, v += dim) {
                    acc = FloatVector.fromArray(S, values, v).fma(FloatVector.broadcast(S, scores[j]), acc);
                }
                acc.mul(inv).intoArray(out, oo + o + c);
            }
        }
    }

    @Override
    public String name() {
        return "simd-" + S.vectorBitSize();
    }
}
