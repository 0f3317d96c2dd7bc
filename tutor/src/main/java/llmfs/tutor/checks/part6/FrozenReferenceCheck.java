package llmfs.tutor.checks.part6;

import llmfs.compute.Rng;
import llmfs.compute.Tape;
import llmfs.compute.Tensor;
import llmfs.compute.nn.Gpt;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Exercise 6.3: {@code freeze(policy)} on a small random GPT must return a different model with the same weights
 * (same logits in evaluation mode), no parameter requiring a gradient, in evaluation mode, and unchanged when the
 * policy is changed afterwards.
 */
public final class FrozenReferenceCheck implements ExerciseCheck {

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("FrozenReference");
        Method m = ctx.staticMethod(c, "freeze", Gpt.class, Gpt.class);
        Rng rng = ctx.rng();
        Gpt.Config cfg = new Gpt.Config(20 + rng.nextInt(20), 16, 2, 2, 16, 0.1f);
        Gpt policy = new Gpt(cfg, new Rng(rng.nextLong()));
        policy.train(true);
        Gpt ref = (Gpt) ctx.call(m, policy);
        if (ref == null) return CheckReport.fail("freeze returned null", "Return the frozen copy.");
        if (ref == policy) {
            return named("freeze returned the policy itself", "same-object",
                    "DPO trains the policy, so the reference would move with it and every reward would stay 0. Build "
                            + "a new Gpt and copy the weights into it.");
        }
        int[] ids = new int[2 * 8];
        for (int i = 0; i < ids.length; i++) ids[i] = rng.nextInt(cfg.vocab());
        Map<String, Tensor> want = policy.namedParameters(), got = ref.namedParameters();
        for (Map.Entry<String, Tensor> e : want.entrySet()) {
            Tensor g = got.get(e.getKey());
            if (g == null || !Arrays.equals(e.getValue().toArray(), g.toArray())) {
                return named("the copy's weights differ from the policy's (first at " + e.getKey() + ")", "not-copied",
                        "a new Gpt starts from random weights; give it the policy's with load(...).");
            }
        }
        List<String> grads = got.entrySet().stream().filter(e -> e.getValue().requiresGrad()).map(Map.Entry::getKey)
                .toList();
        if (!grads.isEmpty()) {
            return named(grads.size() + " of the copy's parameters still require gradients (" + grads.get(0) + ", …)",
                    "still-requires-grad", "backward() would compute gradients for the reference, and an optimiser "
                            + "given them could move it. Call requiresGrad(false) on every parameter.");
        }
        if (ref.isTraining()) {
            return named("the copy is in training mode", "training-mode",
                    "with dropout on, the reference's log-probabilities change from call to call, and the rewards with "
                            + "them. Call train(false).");
        }
        float[] before;
        try (var off = Tape.noGrad()) {
            before = ref.forward(ids, 2, 8).toArray();
            policy.train(false);
            float[] pol = policy.forward(ids, 2, 8).toArray();
            if (!Arrays.equals(before, pol)) {
                return CheckReport.fail("the copy computes other logits than the policy", "Copy every parameter.");
            }
            Tensor first = policy.parameters().get(0);
            float[] changed = first.toArray();
            for (int i = 0; i < changed.length; i++) changed[i] += 1f;
            first.set(changed);
            if (!Arrays.equals(before, ref.forward(ids, 2, 8).toArray())) {
                return named("changing the policy changed the copy", "same-object",
                        "the copy shares the policy's tensors; copy their values (toArray) into a new model.");
            }
        }
        return CheckReport.pass("freeze returns a separate copy with the same logits, no gradients, in evaluation "
                + "mode, and it stays as it was when the policy changes");
    }

    private static CheckReport named(String headline, String bug, String why) {
        return CheckReport.fail(headline, "Likely bug (" + bug + "): " + why).withLikelyBug(bug);
    }
}
