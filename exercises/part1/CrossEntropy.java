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
        // TODO: for each row r:
        //   1. find the row's maximum m
        //   2. sum exp(v - m) over the row
        //   3. logSumExp = m + log(that sum)
        //   4. add logSumExp - row[targets[r]] to a running total
        // then return the mean over rows.
        throw new IllegalStateException("TODO: compute the mean cross-entropy with the max-shift trick");
    }
}
