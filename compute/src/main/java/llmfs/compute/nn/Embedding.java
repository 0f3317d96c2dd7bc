package llmfs.compute.nn;

import llmfs.compute.Rng;
import llmfs.compute.Tensor;

/** A lookup table of learned vectors, one row per token id; initialised N(0, 1) like PyTorch's. */
public final class Embedding extends Module {
    public final Tensor weight;
    public final int count;
    public final int dim;

    public Embedding(int count, int dim, Rng rng) {
        this.count = count;
        this.dim = dim;
        this.weight = param("weight", Tensor.randn(rng, count, dim));
    }

    /** Rows for {@code ids}, shaped {@code idShape + [dim]}. */
    public Tensor forward(int[] ids, int... idShape) {
        return Tensor.embedding(weight, ids, idShape);
    }
}
