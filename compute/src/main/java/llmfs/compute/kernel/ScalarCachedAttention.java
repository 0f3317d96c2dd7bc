package llmfs.compute.kernel;

/** {@link CachedAttention} in plain Java. */
public final class ScalarCachedAttention implements CachedAttention {

    @Override
    public void attend(float[] q, int qo, float[] keysT, int stride, float[] values, int dim, int heads, int n,
                       float scale, float[] scores, float[] out, int oo) {
        int hd = dim / heads;
        for (int h = 0; h < heads; h++) {
            int o = h * hd;
            java.util.Arrays.fill(scores, 0, n, 0f);
            for (int d = 0; d < hd; d++) {
                float qd = q[qo + o + d] * scale;
                int k = (o + d) * stride;
                for (int j = 0; j < n; j++) scores[j] += qd * keysT[k + j];
            }
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) max = Math.max(max, scores[j]);
            float sum = 0;
            for (int j = 0; j < n; j++) {
                scores[j] = (float) Math.exp(scores[j] - max);
                sum += scores[j];
            }
            java.util.Arrays.fill(out, oo + o, oo + o + hd, 0f);
            for (int j = 0; j < n; j++) {
                float w = scores[j];
                int v = j * dim + o;
                for (int d = 0; d < hd; d++) out[oo + o + d] += w * values[v + d];
            }
            float inv = 1f / sum;
            for (int d = 0; d < hd; d++) out[oo + o + d] *= inv;
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
