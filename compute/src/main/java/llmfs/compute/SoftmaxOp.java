package llmfs.compute;

import llmfs.compute.backend.Backend;

/** Softmax and log-softmax over the last dimension, with backward. */
final class SoftmaxOp {
    private SoftmaxOp() {}

    static Tensor softmax(Tensor x, boolean log) {
        Backend be = x.backend();
        int[] s = x.shape();
        int cols = Shape.last(s), rows = Shape.rows(s);
        Tensor y = Tensor.result(be, s);
        be.softmax(x.data, y.data, rows, cols, log);
        Tape.record(y, o -> be.softmaxBackward(o.data, o.grad, x.gradBuffer(), rows, cols, log), x);
        return y;
    }
}
