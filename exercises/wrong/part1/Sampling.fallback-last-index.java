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
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) max = Math.max(max, v);
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        return p;
    }

    public static int pick(double[] probs, double u) {
        double running = 0;
        int last = -1;
        for (int i = 0; i < probs.length; i++) {
            if (probs[i] <= 0) continue;
            running += probs[i];
            last = i;
            if (u < running) return i;
        }
        return probs.length - 1;
    }
}
