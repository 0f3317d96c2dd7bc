/**
 * Exercise 6.2 — the DPO loss of one preference pair.
 *
 * Four numbers go in: the policy's log-probabilities of the chosen and the rejected answer (pc, pr) and the frozen
 * reference's (rc, rr). Each answer's implicit reward is beta times how much more likely the policy finds it than
 * the reference:   reward_c = beta * (pc - rc),   reward_r = beta * (pr - rr).
 * The loss is   -log sigmoid(z)   with   z = reward_c - reward_r.
 *
 * Compute -log sigmoid(z) stably: for very negative z, sigmoid(z) rounds to 0 and its log to -infinity. Use
 *   -log sigmoid(z) = log(1 + exp(-|z|)) + max(-z, 0)     (Math.log1p helps for small arguments).
 *
 * gradChosen returns dLoss/d(pc): how the loss changes when the policy makes the chosen answer more likely.
 * Worked values: policy == reference gives z = 0 and loss ln 2 = 0.693147; pc = -10, pr = -12, rc = rr = -11,
 * beta = 0.1 give z = 0.2 and loss 0.598139.
 *
 * Check with `c` in the tutor (or `bin/tutor check 6.2`); `h` shows a hint.
 */
public final class DpoLoss {

    public static double loss(double pc, double pr, double rc, double rr, double beta) {
        // TODO: z = beta * ((pc - rc) - (pr - rr)); return -log sigmoid(z), computed stably.
        throw new IllegalStateException("TODO: compute the DPO loss from the four log-probabilities");
    }

    public static double gradChosen(double pc, double pr, double rc, double rr, double beta) {
        // TODO: d/dpc of -log sigmoid(z) is -beta * sigmoid(-z).
        throw new IllegalStateException("TODO: compute the loss's gradient with respect to pc");
    }
}
