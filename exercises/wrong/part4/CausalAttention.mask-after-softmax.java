/**
 * Exercise 4.2 — the causal mask.
 *
 * A language model predicts position i+1 from positions 0..i, so while training on a whole window at once, position
 * i must not look at later positions. Before the softmax, set every score with j > i to minus infinity: exp(−∞) = 0,
 * so those weights are exactly 0 and the rest still sum to 1. Position 0 attends only to itself.
 *
 *   score[i][j] = (q_i · k_j) / sqrt(d)   if j <= i,   −∞ otherwise
 *   output[i]   = sum_j softmax(score[i])[j] * v_j
 *
 * The check also changes later rows of Q, K and V and makes sure no earlier output moves.
 *
 * Check with `c` in the tutor (or `bin/tutor check 4.2`); `h` shows a hint.
 */
public final class CausalAttention {

    /** Causal attention weights: T×T, zero above the diagonal, each row summing to 1. */
    public static float[][] weights(float[][] q, float[][] k) {
        int t = q.length, d = q[0].length;
        float[][] w = new float[t][t];
        for (int i = 0; i < t; i++) {
            double[] s = new double[t];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < t; j++) {
                double dot = 0;
                for (int c = 0; c < d; c++) dot += q[i][c] * k[j][c];
                s[j] = dot / Math.sqrt(d);
                max = Math.max(max, s[j]);
            }
            double sum = 0;
            for (int j = 0; j < t; j++) {
                s[j] = Math.exp(s[j] - max);
                sum += s[j];
            }
            for (int j = 0; j < t; j++) w[i][j] = j > i ? 0f : (float) (s[j] / sum);
        }
        return w;
    }

    /** The output: row i is the weighted average of value rows 0..i. */
    public static float[][] output(float[][] q, float[][] k, float[][] v) {
        float[][] w = weights(q, k);
        int t = q.length, dv = v[0].length;
        float[][] out = new float[t][dv];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                for (int c = 0; c < dv; c++) out[i][c] += w[i][j] * v[j][c];
            }
        }
        return out;
    }
}
