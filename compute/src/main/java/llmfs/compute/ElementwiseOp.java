package llmfs.compute;

import llmfs.compute.backend.Backend;
import llmfs.compute.backend.BinaryOp;
import llmfs.compute.backend.Broadcast;
import llmfs.compute.backend.Buffer;
import llmfs.compute.backend.UnaryOp;

/** Elementwise unary and broadcasting binary operations, with backward. */
final class ElementwiseOp {
    private ElementwiseOp() {}

    static Tensor unary(UnaryOp op, Tensor x, float param) {
        Backend be = x.backend();
        Tensor y = Tensor.result(be, x.shape());
        be.unary(op, x.data, y.data, x.numel(), param);
        Tape.record(y, o -> be.unaryBackward(op, x.data, o.data, o.grad, x.gradBuffer(), x.numel(), param), x);
        return y;
    }

    static Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        Backend be = Tensor.sameBackend(op.name().toLowerCase(), a, b);
        Broadcast bc = new Broadcast(a.shape(), b.shape(), op.name().toLowerCase());
        Tensor out = Tensor.result(be, bc.outShape);
        be.binary(op, a.data, b.data, out.data, bc);
        Tape.record(out, o -> {
            if (a.requiresGrad()) accumulate(be, gradFor(op, true, o.grad, a, b, bc), bc.outShape, a);
            if (b.requiresGrad()) accumulate(be, gradFor(op, false, o.grad, a, b, bc), bc.outShape, b);
        }, a, b);
        return out;
    }

    /** The gradient contribution at the output's (broadcast) shape for input a ({@code first}) or b. */
    private static Buffer gradFor(BinaryOp op, boolean first, Buffer g, Tensor a, Tensor b, Broadcast bc) {
        Backend be = a.backend();
        int[] outShape = bc.outShape;
        switch (op) {
            case ADD:
                return g;
            case SUB:
                if (first) return g;
                return negate(be, g, bc.size);
            case MUL: {
                Tensor other = first ? b : a;
                Buffer r = be.allocate(bc.size);
                be.binary(BinaryOp.MUL, g, other.data, r, new Broadcast(outShape, other.shape(), "mul"));
                return r;
            }
            case DIV: {
                Buffer r = be.allocate(bc.size);
                if (first) {
                    be.binary(BinaryOp.DIV, g, b.data, r, new Broadcast(outShape, b.shape(), "div"));
                } else {
                    // d(a/b)/db = −a/b²  →  −(g·a)/b/b
                    be.binary(BinaryOp.MUL, g, a.data, r, new Broadcast(outShape, a.shape(), "div"));
                    Broadcast byB = new Broadcast(outShape, b.shape(), "div");
                    be.binary(BinaryOp.DIV, r, b.data, r, byB);
                    be.binary(BinaryOp.DIV, r, b.data, r, byB);
                    be.unary(UnaryOp.NEG, r, r, bc.size, 0f);
                }
                return r;
            }
            default:
                throw new AssertionError(op);
        }
    }

    private static Buffer negate(Backend be, Buffer g, int n) {
        Buffer r = be.allocate(n);
        be.unary(UnaryOp.NEG, g, r, n, 0f);
        return r;
    }

    /** Adds a gradient of the broadcast output shape into {@code t}'s gradient, summing broadcast dimensions. */
    static void accumulate(Backend be, Buffer g, int[] outShape, Tensor t) {
        int[] ts = t.shape();
        if (Shape.same(ts, outShape)) {
            GradAccumulation.add(be, g, t, 0, t.numel());
            return;
        }
        int[] padded = new int[outShape.length];
        int shift = outShape.length - ts.length;
        for (int i = 0; i < padded.length; i++) padded[i] = i < shift ? 1 : ts[i - shift];
        be.sumTo(g, outShape, t.gradBuffer(), padded, true);
    }
}
