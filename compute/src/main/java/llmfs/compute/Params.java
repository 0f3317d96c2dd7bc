package llmfs.compute;

import llmfs.compute.backend.Buffer;

/**
 * Raw buffer access for optimisers, which update parameters in place outside autograd. Not for model code.
 */
public final class Params {
    private Params() {}

    public static Buffer dataBuffer(Tensor t) {
        return t.data;
    }

    /** The gradient buffer, or null if no gradient has been computed yet. */
    public static Buffer gradBuffer(Tensor t) {
        return t.grad;
    }
}
