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
        // TODO: for each row i: score every j as (q[i] · k[j]) / sqrt(d), then softmax the row (subtract its max
        //       before exp, divide by the sum).
        throw new IllegalStateException("TODO: compute softmax(Q·Kᵀ/√d) row by row");
    }

    /** The output weights·V: T×d, row i the weighted average of the value rows. */
    public static float[][] output(float[][] q, float[][] k, float[][] v) {
        // TODO: w = weights(q, k); out[i] = sum over j of w[i][j] * v[j].
        throw new IllegalStateException("TODO: average the value rows with the attention weights");
    }
}
