/**
 * Exercise 5.4 — the masked loss.
 *
 * With the targets of exercise 5.2, the SFT loss is the mean cross-entropy over the rows that count: rows whose
 * target is IGNORE (-1) add nothing to the sum and are not counted in the mean either. For a counted row r with
 * target t, the loss is log(sum_j exp(logits[r][j])) - logits[r][t], computed with the row's maximum subtracted
 * first (exercise 1.4). If no row counts, return 0.
 *
 * Check with `c` in the tutor (or `bin/tutor check 5.4`); `h` shows a hint.
 */
public final class MaskedLoss {

    public static final int IGNORE = -1;

    public static double loss(float[][] logits, int[] targets) {
        // TODO: sum the stable cross-entropy of every row whose target is not IGNORE, count those rows,
        //       and return sum / count (0 when count is 0).
        throw new IllegalStateException("TODO: average the cross-entropy over the unmasked rows");
    }
}
