package llmfs.compute.backend;

import llmfs.compute.Shape;

/**
 * How two inputs map onto a broadcast output: the output shape and, per input, strides with 0 in broadcast
 * dimensions. Backends iterate the output in row-major order and read the inputs through these strides.
 */
public final class Broadcast {
    public final int[] outShape;
    public final int[] aStrides;
    public final int[] bStrides;
    public final int size;
    /** True when both inputs have exactly the output shape (the common fast path). */
    public final boolean sameShape;
    /** When b is broadcast only along leading dims (e.g. a bias [N] added to [B, N]): b's length, else 0. */
    public final int bTrailing;

    public Broadcast(int[] aShape, int[] bShape, String op) {
        this.outShape = Shape.broadcast(aShape, bShape, op);
        this.aStrides = Shape.broadcastStrides(aShape, outShape);
        this.bStrides = Shape.broadcastStrides(bShape, outShape);
        this.size = Shape.numel(outShape);
        this.sameShape = Shape.same(aShape, outShape) && Shape.same(bShape, outShape);
        this.bTrailing = Shape.same(aShape, outShape) && isTrailing(bShape, outShape) ? Shape.numel(bShape) : 0;
    }

    /** b's non-1 dims are exactly the trailing dims of out, so b repeats every numel(b) elements. */
    private static boolean isTrailing(int[] b, int[] out) {
        int i = 0;
        while (i < b.length && b[i] == 1) i++;
        int rest = b.length - i;
        if (rest > out.length) return false;
        for (int j = 0; j < rest; j++) {
            if (b[i + j] != out[out.length - rest + j]) return false;
        }
        return Shape.numel(b) > 0;
    }

    /** Offset into an input with the given strides for the output's flat index. */
    public static int offset(int flat, int[] outShape, int[] strides) {
        int off = 0;
        for (int d = outShape.length - 1; d >= 0; d--) {
            int n = outShape[d];
            int i = flat % n;
            flat /= n;
            off += i * strides[d];
        }
        return off;
    }
}
