package llmfs.compute.align;

import llmfs.compute.Rng;
import llmfs.compute.Tape;
import llmfs.compute.Tensor;
import llmfs.compute.nn.Gpt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DPO's reference model: a copy of the policy taken before alignment, in evaluation mode (no dropout), with no
 * parameter requiring a gradient and no optimiser holding it, so nothing can move it. Its log-probabilities are
 * computed under {@link Tape#noGrad()}.
 */
public final class FrozenReference {
    private final Gpt model;

    public FrozenReference(Gpt policy) {
        Map<String, float[]> values = new LinkedHashMap<>();
        policy.namedParameters().forEach((n, t) -> values.put(n, t.toArray()));
        this.model = new Gpt(policy.cfg, new Rng(0));
        model.load(values);
        for (Tensor p : model.parameters()) p.requiresGrad(false);
        model.train(false);
    }

    /** Sequence log-probabilities of the batch's responses, as plain numbers. */
    public float[] logProbs(TokenBatch batch) {
        try (var off = Tape.noGrad()) {
            return SequenceLogProb.of(model, batch).toArray();
        }
    }

    /** The frozen model itself (read-only use: chat, tests). */
    public Gpt model() {
        return model;
    }
}
