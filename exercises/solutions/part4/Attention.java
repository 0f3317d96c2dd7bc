/**
 * Exercise 4.1 — scaled dot-product attention.
 *
 * Each of T positions has a query q_i, a key k_j and a value v_j (rows of Q, K, V; width d). Position i scores
 * every position j by how well its query matches that key, scaled so the scores do not grow with d:
 *
 *   score[i][j] = (q_i · k_j) / sqrt(d)
 *   weights[i]  = softmax(score[i])            (each row sums to 1)
 *   output[i]   = sum_j weights[i][j] * v_j    (a weighted average of the values)
 *
 * Subtract each row's maximum before exp(), as in exercise 1.4. No mask here: every position sees every other.
 *
 * Check with `c` in the tutor (or `bin/tutor check 4.1`); `h` shows a hint.
 */
public final class Attention {

    /** The attention weights softmax(Q·Kᵀ/√d): T×T, each row summing to 1. */
    public static float[][] weights(float[][] q, float[][] k) {
        int t = q.length, d = q[0].length;
        float[][] w = new float[t][t];
        for (int i = 0; i < t; i++) {
            double max = Double.NEGATIVE_INFINITY;
            double[] s = new double[t];
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
            for (int j = 0; j < t; j++) w[i][j] = (float) (s[j] / sum);
        }
        return w;
    }

    /** The output weights·V: T×d, row i the weighted average of the value rows. */
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
