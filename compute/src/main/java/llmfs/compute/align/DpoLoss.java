package llmfs.compute.align;

import llmfs.compute.Tensor;

/**
 * Direct preference optimisation's loss from four sequence log-probabilities per pair: the policy's and the frozen
 * reference's, for the chosen and the rejected answer.
 *
 * <pre>
 * reward_c = β (π_c − ref_c),  reward_r = β (π_r − ref_r)
 * loss     = −log σ(reward_c − reward_r), averaged over pairs
 * </pre>
 *
 * A larger β makes the same log-probability shift a larger reward, so the loss saturates sooner and the policy is
 * held closer to the reference: β is the weight of the KL penalty that DPO optimises implicitly (large β, small drift).
 */
public final class DpoLoss {
    private DpoLoss() {}

    /** The loss plus what it is made of, each averaged over the pairs; {@code loss} carries the gradient. */
    public record Result(Tensor loss, float chosenReward, float rejectedReward, float margin, float accuracy) {}

    /** Loss of one pair from plain numbers (for checking by hand): −log σ(β((πc − rc) − (πr − rr))). */
    public static double loss(double policyChosen, double policyRejected, double refChosen, double refRejected,
                              double beta) {
        double z = beta * ((policyChosen - refChosen) - (policyRejected - refRejected));
        return -(Math.min(z, 0) - Math.log1p(Math.exp(-Math.abs(z))));
    }

    /**
     * The batch loss. {@code policyChosen}/{@code policyRejected} are {@code [pairs]} tensors with gradients;
     * {@code refChosen}/{@code refRejected} the reference's values (computed without gradients).
     */
    public static Result of(Tensor policyChosen, Tensor policyRejected, float[] refChosen, float[] refRejected,
                            float beta) {
        int n = policyChosen.numel();
        Tensor chosenReward = policyChosen.sub(Tensor.of(refChosen, n)).mul(beta);
        Tensor rejectedReward = policyRejected.sub(Tensor.of(refRejected, n)).mul(beta);
        Tensor margin = chosenReward.sub(rejectedReward);
        Tensor loss = margin.logSigmoid().mean().neg();
        PreferenceStats s = PreferenceStats.of(chosenReward.toArray(), rejectedReward.toArray());
        return new Result(loss, s.chosenReward(), s.rejectedReward(), s.margin(), s.accuracy());
    }
}
