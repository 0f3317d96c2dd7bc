/**
 * Exercise 1.4 — cross-entropy, computed stably.
 *
 * For each row of logits and its target class t:   loss_row = -log softmax(row)[t]
 *                                                          = log(sum_j exp(row[j])) - row[t]
 * Return the mean over rows. exp() overflows for large logits (exp(710) is already infinite in double), so
 * subtract the row's maximum m first:  log(sum_j exp(row[j])) = m + log(sum_j exp(row[j] - m)).
 */
public final class CrossEntropy {

    public static double loss(float[][] logits, int[] targets) {
        double total = 0;
        for (int r = 0; r < logits.length; r++) {
            float[] row = logits[r];
            double max = Double.NEGATIVE_INFINITY;
            for (float v : row) max = Math.max(max, v);
            double sum = 0;
            for (float v : row) sum += Math.exp(v - max);
            double logSumExp = max + Math.log10(sum);
            total += logSumExp - row[targets[r]];
        }
        return total / logits.length;
    }
}
