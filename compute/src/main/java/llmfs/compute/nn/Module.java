package llmfs.compute.nn;

import llmfs.compute.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model or layer: a set of named parameter tensors (registered in construction order, which fixes checkpoint
 * layout) and submodules, plus a train/eval switch for layers such as dropout.
 */
public abstract class Module {
    private final Map<String, Tensor> params = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Registers a parameter: it will require gradients and appear in {@link #namedParameters()}. */
    protected Tensor param(String name, Tensor t) {
        if (params.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException("duplicate parameter name '" + name + "'");
        }
        if (t.name() == null) t.named(name); // a shared tensor keeps the name of its first owner
        t.requiresGrad(true);
        params.put(name, t);
        return t;
    }

    /** Registers a submodule whose parameters appear as {@code name.param}. */
    protected <M extends Module> M child(String name, M m) {
        if (params.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException("duplicate submodule name '" + name + "'");
        }
        children.put(name, m);
        return m;
    }

    /**
     * All parameters with dotted names, in registration order ({@code hidden.weight}, ...). A tensor registered under
     * several names (a tied or shared weight) appears once, under its first name, so the optimiser updates it once
     * and a checkpoint stores it once.
     */
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return Collections.unmodifiableMap(out);
    }

    private void collect(String prefix, Map<String, Tensor> out, Set<Tensor> seen) {
        params.forEach((n, t) -> {
            if (seen.add(t)) out.put(prefix + n, t);
        });
        children.forEach((n, m) -> m.collect(prefix + n + ".", out, seen));
    }

    public List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Total number of trainable values. */
    public long parameterCount() {
        long n = 0;
        for (Tensor t : namedParameters().values()) n += t.numel();
        return n;
    }

    /** Training mode (dropout active) or evaluation mode; applies to every submodule. */
    public void train(boolean on) {
        training = on;
        children.values().forEach(m -> m.train(on));
    }

    public boolean isTraining() {
        return training;
    }

    /** Clears every parameter's gradient. */
    public void zeroGrad() {
        for (Tensor t : namedParameters().values()) t.zeroGrad();
    }

    /** Copies parameter values from {@code values} (e.g. a checkpoint); names and shapes must match exactly. */
    public void load(Map<String, float[]> values) {
        Map<String, Tensor> own = namedParameters();
        for (String name : own.keySet()) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("checkpoint has no parameter '" + name + "' (it has "
                        + values.keySet() + ")");
            }
        }
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            Tensor t = own.get(e.getKey());
            if (t == null) throw new IllegalArgumentException("checkpoint parameter '" + e.getKey()
                    + "' does not belong to this model (it has " + own.keySet() + ")");
            if (t.numel() != e.getValue().length) {
                throw new IllegalArgumentException("checkpoint parameter '" + e.getKey() + "' has " + e.getValue().length
                        + " values, the model expects " + t.numel() + " " + llmfs.compute.Shape.str(t.shape()));
            }
            t.set(e.getValue());
        }
    }
}
