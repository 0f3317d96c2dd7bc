package llmfs.compute.backend.opencl;

import java.util.Arrays;

/**
 * A shape read through per-operand strides, simplified for kernels that take at most {@link #MAX_RANK} dimensions
 * as {@code int8} arguments: size-1 dimensions are dropped and neighbours that are contiguous for every operand are
 * merged (a [B, T, C] bias broadcast becomes [B*T, C]). Fewer dimensions also means less index arithmetic per element.
 */
final class StridedDims {
    static final int MAX_RANK = 8;

    final int[] shape;
    final int[][] strides;

    private StridedDims(int[] shape, int[][] strides) {
        this.shape = shape;
        this.strides = strides;
    }

    /** Simplifies {@code shape} read with each of {@code strides} (one array per operand, same rank as shape). */
    static StridedDims of(int[] shape, int[]... strides) {
        int ops = strides.length;
        int[] outShape = new int[shape.length];
        int[][] outStrides = new int[ops][shape.length];
        int rank = 0; // dims collected innermost first
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] == 1) continue;
            boolean merge = rank > 0;
            for (int o = 0; o < ops && merge; o++) {
                merge = (long) strides[o][d] == (long) outStrides[o][rank - 1] * outShape[rank - 1];
            }
            if (merge) {
                outShape[rank - 1] *= shape[d];
            } else {
                outShape[rank] = shape[d];
                for (int o = 0; o < ops; o++) outStrides[o][rank] = strides[o][d];
                rank++;
            }
        }
        int[] s = new int[rank];
        int[][] st = new int[ops][rank];
        for (int i = 0; i < rank; i++) {
            s[i] = outShape[rank - 1 - i];
            for (int o = 0; o < ops; o++) st[o][i] = outStrides[o][rank - 1 - i];
        }
        return new StridedDims(s, st);
    }

    int rank() {
        return shape.length;
    }

    /** Throws when the kernels cannot index this many dimensions. */
    StridedDims requireKernelRank(String op) {
        if (rank() > MAX_RANK) {
            throw new IllegalArgumentException(op + ": the OpenCL backend handles up to " + MAX_RANK
                    + " dimensions that cannot be merged, this needs " + rank() + " (shape " + Arrays.toString(shape)
                    + "); reshape the tensors to fewer dimensions, or run with --device java");
        }
        return this;
    }

    /** The shape padded to an {@code int8} kernel argument (unused trailing entries 1). */
    int[] shape8() {
        return pad(shape, 1);
    }

    /** Operand {@code o}'s strides as an {@code int8} kernel argument. */
    int[] strides8(int o) {
        return pad(strides[o], 0);
    }

    private static int[] pad(int[] v, int fill) {
        int[] out = new int[MAX_RANK];
        Arrays.fill(out, fill);
        System.arraycopy(v, 0, out, 0, Math.min(v.length, MAX_RANK));
        return out;
    }
}
