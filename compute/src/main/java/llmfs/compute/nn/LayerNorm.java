package llmfs.compute.nn;

import llmfs.compute.Tensor;

/** Layer normalisation over the last dimension with a learned scale (init 1) and shift (init 0). */
public final class LayerNorm extends Module {
    public final Tensor weight;
    public final Tensor bias;
    private final float eps;

    public LayerNorm(int dim) {
        this(dim, 1e-5f);
    }

    public LayerNorm(int dim, float eps) {
        this.weight = param("weight", Tensor.ones(dim));
        this.bias = param("bias", Tensor.zeros(dim));
        this.eps = eps;
    }

    /** The epsilon added to the variance before the square root. */
    public float eps() {
        return eps;
    }

    public Tensor forward(Tensor x) {
        return x.layerNorm(weight, bias, eps);
    }
}
