package llmfs.compute.nn;

import llmfs.compute.Rng;
import llmfs.compute.Tensor;

/**
 * y = x·W + b. The weight is stored as {@code [in, out]} (PyTorch stores its transpose, {@code [out, in]}).
 * Initialised like PyTorch's {@code nn.Linear}: W and b uniform in ±1/√in.
 */
public final class Linear extends Module {
    public final Tensor weight;
    public final Tensor bias;
    public final int in;
    public final int out;

    public Linear(int in, int out, boolean withBias, Rng rng) {
        this.in = in;
        this.out = out;
        float bound = (float) (1.0 / Math.sqrt(in));
        this.weight = param("weight", Tensor.uniform(rng, -bound, bound, in, out));
        this.bias = withBias ? param("bias", Tensor.uniform(rng, -bound, bound, out)) : null;
    }

    public Linear(int in, int out, Rng rng) {
        this(in, out, true, rng);
    }

    /** Applies the layer to the last dimension of {@code x} ({@code [..., in] -> [..., out]}). */
    public Tensor forward(Tensor x) {
        return x.linear(weight, bias);
    }
}
