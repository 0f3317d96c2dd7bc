import llmfs.compute.Rng;
import llmfs.compute.Tensor;
import llmfs.compute.nn.Gpt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exercise 6.3 — a frozen reference model (reference solution).
 */
public final class FrozenReference {

    public static Gpt freeze(Gpt policy) {
        Map<String, float[]> values = new LinkedHashMap<>();
        policy.namedParameters().forEach((name, t) -> values.put(name, t.toArray()));
        Gpt ref = new Gpt(policy.cfg, new Rng(0));
        ref.load(values);
        for (Tensor p : ref.parameters()) p.requiresGrad(false);
        ref.train(false);
        return ref;
    }
}
