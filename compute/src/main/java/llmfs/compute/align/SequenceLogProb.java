package llmfs.compute.align;

import llmfs.compute.Tensor;
import llmfs.compute.nn.Gpt;

/**
 * log π(response | prompt) for each sequence of a batch: the sum of the log-probabilities of the response tokens
 * only. Prompt and padding targets are {@link ResponseMask#IGNORE} and contribute nothing.
 */
public final class SequenceLogProb {
    private SequenceLogProb() {}

    /** From logits {@code [batch, length, vocab]} and the batch's masked targets: shape {@code [batch]}. */
    public static Tensor of(Tensor logits, int[] targets, int batch, int length) {
        return logits.tokenLogProbs(targets, ResponseMask.IGNORE).view(batch, length).sum(1, false);
    }

    /** Runs the model on the batch and sums its response tokens' log-probabilities. */
    public static Tensor of(Gpt model, TokenBatch b) {
        return of(model.forward(b.inputs(), b.batch(), b.length()), b.targets(), b.batch(), b.length());
    }
}
