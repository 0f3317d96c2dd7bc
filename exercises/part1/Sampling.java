/**
 * Exercise 1.5 — sampling with a temperature.
 *
 * probabilities: softmax(logits / T). A low temperature (T < 1) sharpens the distribution toward the most likely
 * character; a high one (T > 1) flattens it. Subtract the largest logit before exp() so nothing overflows.
 *
 * pick: given probabilities p and a uniform random number u in [0, 1), return the first index i whose running
 * total p[0] + ... + p[i] is greater than u ("inverse CDF" sampling). If rounding leaves u above the final total,
 * return the last index with a positive probability.
 */
public final class Sampling {

    public static double[] probabilities(float[] logits, double temperature) {
        // TODO: m = max logit; p[i] = exp((logits[i] - m) / temperature); then divide every p[i] by their sum.
        throw new IllegalStateException("TODO: compute softmax(logits / temperature)");
    }

    public static int pick(double[] probs, double u) {
        // TODO: walk through probs keeping a running total; return the first index where u < running total.
        //       Skip zero-probability entries, and fall back to the last positive one.
        throw new IllegalStateException("TODO: pick an index by inverse CDF");
    }
}
