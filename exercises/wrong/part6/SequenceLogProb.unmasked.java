/**
 * Exercise 6.1 — the log-probability of an answer — a known mistake (unmasked).
 */
public final class SequenceLogProb {

    public static double logProb(float[][] logits, int[] targets, boolean[] mask) {
        double total = 0;
        for (int t = 0; t < logits.length; t++) {
            float[] row = logits[t];
            double max = Double.NEGATIVE_INFINITY;
            for (float v : row) max = Math.max(max, v);
            double sum = 0;
            for (float v : row) sum += Math.exp(v - max);
            total += row[targets[t]] - max - Math.log(sum);
        }
        return total;
    }
}
