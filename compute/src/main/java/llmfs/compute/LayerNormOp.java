package llmfs.compute;

import llmfs.compute.backend.Backend;
import llmfs.compute.backend.Buffer;

/** Layer normalisation over the last dimension, with backward. */
final class LayerNormOp {
    private LayerNormOp() {}

    static Tensor layerNorm(Tensor x, Tensor gamma, Tensor beta, float eps) {
        Backend be = Tensor.sameBackend("layerNorm", x, gamma, beta);
        int[] s = x.shape();
        int cols = Shape.last(s), rows = Shape.rows(s);
        if (gamma.numel() != cols || beta.numel() != cols) {
            throw new IllegalArgumentException("layerNorm: input " + Shape.str(s) + " needs gamma and beta of size "
                    + cols + ", got " + Shape.str(gamma.shape()) + " and " + Shape.str(beta.shape()));
        }
        Tensor y = Tensor.result(be, s);
        Buffer mean = be.allocate(rows), rstd = be.allocate(rows);
        be.layerNorm(x.data, gamma.data, beta.data, y.data, mean, rstd, rows, cols, eps);
        Tape.record(y, o -> be.layerNormBackward(o.grad, x.data, gamma.data, mean, rstd,
                x.requiresGrad() ? x.gradBuffer() : be.allocate(x.numel()),
                gamma.requiresGrad() ? gamma.gradBuffer() : be.allocate(cols),
                beta.requiresGrad() ? beta.gradBuffer() : be.allocate(cols), rows, cols), x, gamma, beta);
        return y;
    }
}
