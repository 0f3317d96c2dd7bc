/**
 * Exercise 5.4 — the masked loss — a known mistake (divides-by-all-rows).
 */
public final class MaskedLoss {

    public static final int IGNORE = -1;

    public static double loss(float[][] logits, int[] targets) {
        double total = 0;
        int counted = 0;
        for (int r = 0; r < logits.length; r++) {
            if (targets[r] == IGNORE) continue;
            float[] row = logits[r];
            double max = Double.NEGATIVE_INFINITY;
            for (float v : row) max = Math.max(max, v);
            double sum = 0;
            for (float v : row) sum += Math.exp(v - max);
            total += max + Math.log(sum) - row[targets[r]];
            counted++;
        }
        return counted == 0 ? 0 : total / logits.length;
    }
}
