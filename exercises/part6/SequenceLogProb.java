/**
 * Exercise 6.1 — the log-probability of an answer.
 *
 * DPO compares how likely the model finds two answers to the same prompt. For one formatted sequence, the model
 * gives a row of logits per position; row t predicts targets[t]. The answer's log-probability is the sum, over the
 * positions where mask[t] is true (the response's tokens and END), of log softmax(logits[t])[targets[t]].
 * Positions of the prompt and of padding have mask[t] == false and add nothing: not even their own
 * log-probability, which would differ between two sequences padded to different lengths.
 *
 * log softmax(row)[k] = row[k] - m - log(sum_j exp(row[j] - m)), with m the row's maximum.
 *
 * Check with `c` in the tutor (or `bin/tutor check 6.1`); `h` shows a hint.
 */
public final class SequenceLogProb {

    public static double logProb(float[][] logits, int[] targets, boolean[] mask) {
        // TODO: for every t with mask[t]: add the log-softmax of row t at targets[t]. Return the sum.
        throw new IllegalStateException("TODO: sum the log-probabilities of the masked-in targets");
    }
}
