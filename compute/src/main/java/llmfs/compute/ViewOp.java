package llmfs.compute;

import llmfs.compute.backend.Backend;
import llmfs.compute.backend.Buffer;

/** Reshaping (shares data), permuting and slicing (copy), with backward. */
final class ViewOp {
    private ViewOp() {}

    static Tensor view(Tensor x, int[] newShape) {
        int[] s = Shape.resolveView(x.shape(), newShape);
        Tensor out = new Tensor(x.data, s);
        Backend be = x.backend();
        Tape.record(out, o -> GradAccumulation.add(be, o.grad, x, 0, x.numel()), x);
        return out;
    }

    static Tensor permute(Tensor x, int[] perm) {
        int[] xs = x.shape();
        if (perm.length != xs.length) {
            throw new IllegalArgumentException("permute: " + perm.length + " dimensions given for a tensor of shape "
                    + Shape.str(xs));
        }
        boolean[] seen = new boolean[perm.length];
        int[] p = new int[perm.length];
        int[] outShape = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            p[i] = Shape.dim(perm[i], xs.length, "permute");
            if (seen[p[i]]) throw new IllegalArgumentException("permute: dimension " + perm[i] + " appears twice");
            seen[p[i]] = true;
            outShape[i] = xs[p[i]];
        }
        Backend be = x.backend();
        Tensor out = Tensor.result(be, outShape);
        be.permute(x.data, xs, p, out.data);
        Tape.record(out, o -> {
            int[] inv = new int[p.length];
            for (int i = 0; i < p.length; i++) inv[p[i]] = i;
            if (!x.hasGrad()) { // the first gradient for x: permute straight into its (new) buffer
                be.permute(o.grad, outShape, inv, x.gradBuffer());
                return;
            }
            Buffer back = be.allocate(x.numel());
            be.permute(o.grad, outShape, inv, back);
            be.axpy(1f, back, 0, x.gradBuffer(), 0, x.numel());
        }, x);
        return out;
    }

    static Tensor slice(Tensor x, int from, int to) {
        int[] xs = x.shape();
        if (xs.length == 0 || from < 0 || to > xs[0] || from > to) {
            throw new IllegalArgumentException("slice(" + from + ", " + to + ") is out of range for shape "
                    + Shape.str(xs));
        }
        int row = x.numel() / Math.max(1, xs[0]);
        int[] outShape = xs.clone();
        outShape[0] = to - from;
        Backend be = x.backend();
        Tensor out = Tensor.result(be, outShape);
        be.copy(x.data, from * row, out.data, 0, out.numel());
        Tape.record(out, o -> GradAccumulation.add(be, o.grad, x, from * row, o.numel()), x);
        return out;
    }
}
