import llmfs.compute.Rng;
import llmfs.compute.Tensor;
import llmfs.compute.nn.Gpt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exercise 6.3 — a frozen reference model — a known mistake (same-object).
 */
public final class FrozenReference {

    public static Gpt freeze(Gpt policy) {
        for (Tensor p : policy.parameters()) p.requiresGrad(false);
        policy.train(false);
        return policy;
    }
}
