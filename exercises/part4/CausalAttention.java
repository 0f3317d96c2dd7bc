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
        // TODO: as in 4.1, but a score with j > i becomes Double.NEGATIVE_INFINITY before the softmax (take the
        //       row's maximum over the visible scores only).
        throw new IllegalStateException("TODO: mask the scores above the diagonal, then softmax each row");
    }

    /** The output: row i is the weighted average of value rows 0..i. */
    public static float[][] output(float[][] q, float[][] k, float[][] v) {
        // TODO: w = weights(q, k); out[i] = sum over j of w[i][j] * v[j].
        throw new IllegalStateException("TODO: average the value rows with the causal weights");
    }
}
