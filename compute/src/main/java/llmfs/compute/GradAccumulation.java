package llmfs.compute;

import llmfs.compute.backend.Backend;
import llmfs.compute.backend.Buffer;

/** Adding a gradient contribution into a tensor's gradient buffer. */
final class GradAccumulation {
    private GradAccumulation() {}

    /**
     * {@code t.grad[off, off+len) += g[0, len)}. When {@code t} has no gradient yet its new buffer is all zeros, so
     * the contribution is copied instead of added: one pass fewer over memory (the residual stream, the reshaped
     * and sliced activations of attention each get their first gradient this way in every backward pass).
     */
    static void add(Backend be, Buffer g, Tensor t, int off, int len) {
        if (!t.hasGrad()) {
            be.copy(g, 0, t.gradBuffer(), off, len);
        } else {
            be.axpy(1f, g, 0, t.gradBuffer(), off, len);
        }
    }
}
