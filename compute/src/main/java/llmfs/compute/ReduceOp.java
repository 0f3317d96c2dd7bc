package llmfs.compute;

import llmfs.compute.backend.Backend;
import llmfs.compute.backend.BinaryOp;
import llmfs.compute.backend.Broadcast;

/** Sums over all or one dimension, with backward (the gradient is broadcast back). */
final class ReduceOp {
    private ReduceOp() {}

    static Tensor sumAll(Tensor x) {
        Backend be = x.backend();
        int[] xs = x.shape();
        int[] ones = new int[xs.length];
        java.util.Arrays.fill(ones, 1);
        Tensor out = Tensor.result(be);
        be.sumTo(x.data, xs, out.data, ones, false);
        Tape.record(out, o -> spread(be, o, ones, x), x);
        return out;
    }

    static Tensor sumDim(Tensor x, int dim, boolean keepDim) {
        Backend be = x.backend();
        int[] xs = x.shape();
        int d = Shape.dim(dim, xs.length, "sum");
        int[] kept = xs.clone();
        kept[d] = 1;
        int[] outShape = kept;
        if (!keepDim) {
            outShape = new int[xs.length - 1];
            for (int i = 0, j = 0; i < xs.length; i++) if (i != d) outShape[j++] = xs[i];
        }
        Tensor out = Tensor.result(be, outShape);
        be.sumTo(x.data, xs, out.data, kept, false);
        Tape.record(out, o -> spread(be, o, kept, x), x);
        return out;
    }

    /** x.grad += broadcast(o.grad), where o has the reduced shape {@code reduced}. */
    private static void spread(Backend be, Tensor o, int[] reduced, Tensor x) {
        int[] xs = x.shape();
        be.binary(BinaryOp.ADD, x.gradBuffer(), o.grad, x.gradBuffer(), new Broadcast(xs, reduced, "sum"));
    }
}
