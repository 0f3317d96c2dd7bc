package llmfs.compute.kernel;

import llmfs.compute.Rng;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Both {@link CachedAttention} twins against a plain double-precision softmax attention. */
class CachedAttentionTest {

    private static List<CachedAttention> twins() {
        List<CachedAttention> l = new ArrayList<>(List.of(new ScalarCachedAttention()));
        if (Simd.available()) l.add(CachedAttention.best());
        return l;
    }

    @Test
    void equalsSoftmaxAttentionForEveryCacheLength() {
        Rng rng = new Rng(23);
        int[][] shapes = {{128, 4}, {48, 4}, {16, 2}, {64, 1}}; // head widths 32, 12, 8, 64
        for (CachedAttention a : twins()) {
            for (int[] s : shapes) {
                int dim = s[0], heads = s[1], hd = dim / heads, positions = 70, stride = 80;
                float[] keysT = new float[dim * stride], values = new float[positions * dim];
                for (int i = 0; i < keysT.length; i++) keysT[i] = rng.nextFloat() * 4 - 2;
                for (int i = 0; i < values.length; i++) values[i] = rng.nextFloat() * 2 - 1;
                float[] q = new float[3 + dim];
                for (int i = 0; i < q.length; i++) q[i] = rng.nextFloat() * 2 - 1;
                float scale = (float) (1 / Math.sqrt(hd));
                for (int n : new int[]{1, 2, 15, 16, 17, 33, 64, 70}) {
                    float[] out = new float[5 + dim + 4];
                    out[4] = 7f;
                    out[5 + dim] = 9f;
                    a.attend(q, 3, keysT, stride, values, dim, heads, n, scale, new float[stride], out, 5);
                    for (int h = 0; h < heads; h++) {
                        double[] w = new double[n];
                        double max = Double.NEGATIVE_INFINITY, sum = 0;
                        for (int j = 0; j < n; j++) {
                            for (int d = 0; d < hd; d++) w[j] += (double) q[3 + h * hd + d] * keysT[(h * hd + d) * stride + j];
                            w[j] *= scale;
                            max = Math.max(max, w[j]);
                        }
                        for (int j = 0; j < n; j++) sum += w[j] = Math.exp(w[j] - max);
                        for (int d = 0; d < hd; d++) {
                            double want = 0;
                            for (int j = 0; j < n; j++) want += w[j] / sum * values[j * dim + h * hd + d];
                            assertEquals(want, out[5 + h * hd + d], 1e-5,
                                    a.name() + " dim " + dim + " heads " + heads + " n " + n + " channel " + (h * hd + d));
                        }
                    }
                    assertEquals(7f, out[4], a.name() + " wrote before out");
                    assertEquals(9f, out[5 + dim], a.name() + " wrote past out");
                }
            }
        }
    }
}
