import llmfs.compute.Rng;
import llmfs.compute.Tensor;
import llmfs.compute.nn.Gpt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exercise 6.3 — a frozen reference model.
 *
 * DPO measures every change of the policy against the model it started from, so it needs a copy of the policy as
 * it is now that nothing can change afterwards:
 *   - a separate model (changing the policy later must not change it), built with new Gpt(policy.cfg, new Rng(0))
 *     and given the policy's weights with load(...), which takes parameter name -> values
 *     (policy.namedParameters() gives name -> Tensor; Tensor.toArray() copies its values);
 *   - no parameter requiring a gradient (Tensor.requiresGrad(false)), so backward() never touches it;
 *   - evaluation mode (train(false)), so dropout does not make its log-probabilities random.
 *
 * Check with `c` in the tutor (or `bin/tutor check 6.3`); `h` shows a hint.
 */
public final class FrozenReference {

    public static Gpt freeze(Gpt policy) {
        // TODO: copy the policy into a new Gpt, switch off gradients for every parameter, and set evaluation mode.
        throw new IllegalStateException("TODO: build a frozen copy of the policy");
    }
}
