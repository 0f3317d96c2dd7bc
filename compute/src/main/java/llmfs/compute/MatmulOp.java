package llmfs.compute;

import llmfs.compute.backend.Backend;

/** {@code torch.matmul} semantics: 1-D, 2-D and batched products, with backward. */
final class MatmulOp {
    private MatmulOp() {}

    // Backward: a gradient buffer that does not exist yet is allocated zeroed, so the first product into it may
    // overwrite instead of accumulate; that saves reading C back in every tile of the matmul.

    static Tensor matmul(Tensor a, Tensor b) {
        Backend be = Tensor.sameBackend("matmul", a, b);
        int[] as = a.shape(), bs = b.shape();
        if (as.length == 0 || bs.length == 0) {
            throw new IllegalArgumentException("matmul: both operands need at least one dimension, got "
                    + Shape.str(as) + " × " + Shape.str(bs) + "; use mul() to scale by a number");
        }
        // Vectors become matrices and the extra dimension is removed from the result afterwards.
        if (as.length == 1) return matmul(a.view(1, as[0]), b).view(squeeze(resultShape(new int[]{1, as[0]}, bs), -2));
        if (bs.length == 1) return matmul(a, b.view(bs[0], 1)).view(squeeze(resultShape(as, new int[]{bs[0], 1}), -1));

        int m = as[as.length - 2], k = as[as.length - 1];
        int k2 = bs[bs.length - 2], n = bs[bs.length - 1];
        if (k != k2) {
            String hint = bs[bs.length - 1] == k ? "; did you mean to transpose the second operand (b.transpose(-2, -1))?"
                    : as[as.length - 2] == k2 ? "; did you mean to transpose the first operand?" : "";
            throw new IllegalArgumentException("matmul: " + Shape.str(as) + " × " + Shape.str(bs)
                    + " — inner dimensions " + k + " ≠ " + k2 + hint);
        }
        int[] outShape = resultShape(as, bs);
        Tensor out = Tensor.result(be, outShape);
        int batchA = Shape.numel(as) / (m * k), batchB = Shape.numel(bs) / (k * n);
        int batch = Shape.numel(outShape) / (m * n);

        if (bs.length == 2) {
            // [..., m, k] · [k, n]: one big product with all leading rows stacked.
            int rows = batchA * m;
            be.matmul(a.data, b.data, out.data, 1, rows, n, k, false, false, 0, 0, 0, false);
            Tape.record(out, o -> {
                if (a.requiresGrad()) {
                    boolean add = a.hasGrad();
                    be.matmul(o.grad, b.data, a.gradBuffer(), 1, rows, k, n, false, true, 0, 0, 0, add);
                }
                if (b.requiresGrad()) {
                    boolean add = b.hasGrad();
                    be.matmul(a.data, o.grad, b.gradBuffer(), 1, k, n, rows, true, false, 0, 0, 0, add);
                }
            }, a, b);
            return out;
        }
        long sA = batchA == 1 ? 0 : (long) m * k, sB = batchB == 1 ? 0 : (long) k * n, sC = (long) m * n;
        if ((batchA != 1 && batchA != batch) || (batchB != 1 && batchB != batch)) {
            throw new IllegalArgumentException("matmul: batch dimensions of " + Shape.str(as) + " and " + Shape.str(bs)
                    + " do not match");
        }
        be.matmul(a.data, b.data, out.data, batch, m, n, k, false, false, sA, sB, sC, false);
        Tape.record(out, o -> {
            if (a.requiresGrad()) {
                if (sA != 0) {
                    boolean add = a.hasGrad();
                    be.matmul(o.grad, b.data, a.gradBuffer(), batch, m, k, n, false, true, sC, sB, sA, add);
                }
                else for (int i = 0; i < batch; i++) {
                    // A shared by every batch: its gradient is the sum over batches, done one at a time.
                    be.matmul(slice(be, o.grad, i * sC, sC), slice(be, b.data, i * sB, (long) k * n), a.gradBuffer(),
                            1, m, k, n, false, true, 0, 0, 0, true);
                }
            }
            if (b.requiresGrad()) {
                if (sB != 0) {
                    boolean add = b.hasGrad();
                    be.matmul(a.data, o.grad, b.gradBuffer(), batch, k, n, m, true, false, sA, sC, sB, add);
                }
                else for (int i = 0; i < batch; i++) {
                    be.matmul(slice(be, a.data, i * sA, (long) m * k), slice(be, o.grad, i * sC, sC), b.gradBuffer(),
                            1, k, n, m, true, false, 0, 0, 0, true);
                }
            }
        }, a, b);
        return out;
    }

    /**
     * x·W + b in one operation, for a layer's weight W [k, n] and bias b [n]. The bias is added in place and the
     * gradient of x·W is the output's own gradient, so there is no intermediate tensor (and no gradient buffer for
     * one): a training step of an MLP saves a pass over every layer's activations, forward and backward.
     */
    static Tensor linear(Tensor x, Tensor w, Tensor bias) {
        int[] xs = x.shape(), ws = w.shape();
        if (ws.length != 2) {
            throw new IllegalArgumentException("linear: the weight must be a matrix [in, out], got " + Shape.str(ws));
        }
        if (bias == null) return matmul(x, w);
        int k = ws[0], n = ws[1];
        if (bias.shape().length != 1 || bias.shape()[0] != n) {
            throw new IllegalArgumentException("linear: the bias must be a vector of " + n + " (the weight's columns),"
                    + " got " + Shape.str(bias.shape()));
        }
        if (xs.length == 0 || xs[xs.length - 1] != k) {
            throw new IllegalArgumentException("linear: input " + Shape.str(xs) + " does not end in the weight's " + k
                    + " rows (weight " + Shape.str(ws) + ")");
        }
        Backend be = Tensor.sameBackend("linear", x, w, bias);
        int rows = Shape.numel(xs) / k;
        int[] outShape = xs.clone();
        outShape[outShape.length - 1] = n;
        Tensor out = Tensor.result(be, outShape);
        be.matmul(x.data, w.data, out.data, 1, rows, n, k, false, false, 0, 0, 0, false);
        be.binary(llmfs.compute.backend.BinaryOp.ADD, out.data, bias.data, out.data,
                new llmfs.compute.backend.Broadcast(new int[]{rows, n}, new int[]{n}, "add"));
        Tape.record(out, o -> {
            if (x.requiresGrad()) {
                boolean add = x.hasGrad();
                be.matmul(o.grad, w.data, x.gradBuffer(), 1, rows, k, n, false, true, 0, 0, 0, add);
            }
            if (w.requiresGrad()) {
                boolean add = w.hasGrad();
                be.matmul(x.data, o.grad, w.gradBuffer(), 1, k, n, rows, true, false, 0, 0, 0, add);
            }
            if (bias.requiresGrad()) be.sumTo(o.grad, new int[]{rows, n}, bias.gradBuffer(), new int[]{1, n}, true);
        }, x, w, bias);
        return out;
    }

    private static llmfs.compute.backend.Buffer slice(Backend be, llmfs.compute.backend.Buffer src, long off, long len) {
        llmfs.compute.backend.Buffer dst = be.allocate((int) len);
        be.copy(src, (int) off, dst, 0, (int) len);
        return dst;
    }

    private static int[] resultShape(int[] as, int[] bs) {
        int m = as[as.length - 2], n = bs[bs.length - 1];
        int[] lead = as.length >= bs.length ? as : bs;
        int[] out = lead.clone();
        out[out.length - 2] = m;
        out[out.length - 1] = n;
        return out;
    }

    private static int[] squeeze(int[] shape, int dim) {
        int d = dim < 0 ? shape.length + dim : dim;
        int[] out = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) if (i != d) out[j++] = shape[i];
        return out;
    }
}
