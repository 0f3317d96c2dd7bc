/**
 * Exercise 6.4 — what to watch while DPO trains.
 *
 * For n preference pairs you get four arrays of log-probabilities: the policy's for the chosen and the rejected
 * answers (pc, pr) and the frozen reference's (rc, rr). Each pair's implicit rewards are
 *   chosenReward_i = beta * (pc[i] - rc[i]),   rejectedReward_i = beta * (pr[i] - rr[i]).
 * Return {accuracy, margin, meanChosenReward, meanRejectedReward}:
 *   accuracy = the share of pairs whose chosen reward is strictly greater than the rejected one (a tie is not a
 *              win, so before training, with the policy equal to the reference, the accuracy is 0);
 *   margin   = the mean of (chosenReward_i - rejectedReward_i);
 *   and the two mean rewards.
 *
 * Check with `c` in the tutor (or `bin/tutor check 6.4`); `h` shows a hint.
 */
public final class PreferenceMetrics {

    public static double[] metrics(double[] pc, double[] pr, double[] rc, double[] rr, double beta) {
        // TODO: loop over the pairs, compute both rewards, count strict wins and sum rewards and differences;
        //       return new double[] {wins / n, sumDiff / n, sumChosen / n, sumRejected / n}.
        throw new IllegalStateException("TODO: compute accuracy, margin and the mean rewards");
    }
}
