package llmfs.compute;

import java.util.Arrays;

/**
 * Shape arithmetic and the error messages that go with it.
 *
 * <p>Shapes are plain {@code int[]} (row-major, contiguous). Messages are written for a learner: they show the
 * shapes involved and suggest the likely fix.
 */
public final class Shape {
    private Shape() {}

    /** Number of elements of a shape ({@code []} is a scalar with one element). */
    public static int numel(int... shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("shape " + str(shape) + " has a negative dimension");
            n *= d;
        }
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("shape " + str(shape) + " has more than 2^31 elements");
        return (int) n;
    }

    /** Formats a shape the way the lessons write it: {@code [8, 64]}. */
    public static String str(int... shape) {
        return Arrays.toString(shape);
    }

    /** Row-major strides of a contiguous shape. */
    public static int[] strides(int... shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** Resolves a possibly negative dimension index against a rank. */
    public static int dim(int dim, int rank, String op) {
        int d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= rank) {
            throw new IllegalArgumentException(op + ": dimension " + dim + " is out of range for a tensor of rank " + rank
                    + " (valid: " + (-rank) + " … " + (rank - 1) + ")");
        }
        return d;
    }

    /**
     * Resolves a {@code view} target shape, filling in one {@code -1}. The message explains element counts, which is
     * what usually went wrong.
     */
    public static int[] resolveView(int[] from, int[] to) {
        int n = numel(from);
        int infer = -1;
        long known = 1;
        int[] out = to.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (infer >= 0) throw new IllegalArgumentException("view" + str(to) + ": only one dimension can be -1");
                infer = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException("view" + str(to) + ": dimension " + out[i] + " is negative");
            } else {
                known *= out[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || n % known != 0) {
                throw new IllegalArgumentException("view: cannot reshape " + str(from) + " (" + n + " elements) into "
                        + str(to) + ": " + n + " is not divisible by " + known);
            }
            out[infer] = (int) (n / known);
        } else if (known != n) {
            throw new IllegalArgumentException("view: cannot reshape " + str(from) + " (" + n + " elements) into "
                    + str(to) + " (" + known + " elements); the element counts must match");
        }
        return out;
    }

    /**
     * The broadcast result shape of two shapes (NumPy/PyTorch rules: align from the right; sizes must match or be 1).
     */
    public static int[] broadcast(int[] a, int[] b, String op) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b)
                        + " cannot be broadcast: dimension " + i + " is " + da + " vs " + db
                        + " (sizes must be equal, or one of them 1)");
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    /**
     * Strides that read {@code shape} as if it had the (larger) {@code outShape}: broadcast dimensions get stride 0.
     */
    public static int[] broadcastStrides(int[] shape, int[] outShape) {
        int[] own = strides(shape);
        int[] s = new int[outShape.length];
        int shift = outShape.length - shape.length;
        for (int i = 0; i < outShape.length; i++) {
            int j = i - shift;
            s[i] = (j < 0 || shape[j] == 1) ? 0 : own[j];
        }
        return s;
    }

    /** True when both shapes have the same rank and sizes. */
    public static boolean same(int[] a, int[] b) {
        return Arrays.equals(a, b);
    }

    /** Shape without its last dimension collapsed: {@code [a, b, c] -> a*b}. */
    public static int rows(int[] shape) {
        if (shape.length == 0) return 1;
        return numel(shape) / Math.max(1, shape[shape.length - 1]);
    }

    /** Last dimension (1 for a scalar). */
    public static int last(int[] shape) {
        return shape.length == 0 ? 1 : shape[shape.length - 1];
    }
}
