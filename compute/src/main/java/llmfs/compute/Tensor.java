package llmfs.compute;

import llmfs.compute.backend.Backend;
import llmfs.compute.backend.Backends;
import llmfs.compute.backend.Buffer;
import llmfs.compute.backend.UnaryOp;

import java.util.Arrays;

/**
 * A float32 n-dimensional array with automatic differentiation — the project's counterpart of
 * {@code torch.Tensor}.
 *
 * <p>Tensors are always contiguous and row-major. Their data lives in a {@link Backend} buffer (Java memory, or
 * GPU memory with OpenCL); read it with {@link #toArray()}, {@link #get(int...)} or {@link #item()}.
 *
 * <p>Gradients: mark inputs with {@link #requiresGrad(boolean)}, compute a scalar, call {@link #backward()}, then read
 * {@link #grad()}. Operations are recorded on the thread's {@link Tape}.
 */
public final class Tensor {
    private final int[] shape;
    final Buffer data;
    Buffer grad;
    private boolean requiresGrad;
    private boolean leaf = true;
    private String name;

    Tensor(Buffer data, int... shape) {
        if (data.size() != Shape.numel(shape)) {
            throw new IllegalArgumentException("buffer of " + data.size() + " floats does not match shape "
                    + Shape.str(shape));
        }
        this.data = data;
        this.shape = shape.clone();
    }

    // ------------------------------------------------------------------ creation

    /** A tensor holding a copy of {@code values}, shaped {@code shape} (the element counts must match). */
    public static Tensor of(float[] values, int... shape) {
        if (shape.length == 0 && values.length != 1) shape = new int[]{values.length};
        int n = Shape.numel(shape);
        if (n != values.length) {
            throw new IllegalArgumentException("Tensor.of: " + values.length + " values cannot fill shape "
                    + Shape.str(shape) + " (" + n + " elements)");
        }
        return new Tensor(Backends.current().upload(values, 0, values.length), shape);
    }

    /** A 2-D tensor from rows of equal length. */
    public static Tensor of(float[][] rows) {
        int r = rows.length, c = r == 0 ? 0 : rows[0].length;
        float[] flat = new float[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException("Tensor.of: row " + i + " has " + rows[i].length
                        + " values but row 0 has " + c);
            }
            System.arraycopy(rows[i], 0, flat, i * c, c);
        }
        return of(flat, r, c);
    }

    /** A one-element tensor with shape {@code []}. */
    public static Tensor scalar(float value) {
        return new Tensor(Backends.current().upload(new float[]{value}, 0, 1));
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(Backends.current().allocate(Shape.numel(shape)), shape);
    }

    public static Tensor full(float value, int... shape) {
        Tensor t = zeros(shape);
        t.backend().fill(t.data, 0, t.numel(), value);
        return t;
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    /** Standard normal entries drawn from {@code rng}. */
    public static Tensor randn(Rng rng, int... shape) {
        float[] v = new float[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) v[i] = (float) rng.nextGaussian();
        return of(v, shape);
    }

    /** Uniform entries in [lo, hi) drawn from {@code rng}. */
    public static Tensor uniform(Rng rng, float lo, float hi, int... shape) {
        float[] v = new float[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) v[i] = rng.uniform(lo, hi);
        return of(v, shape);
    }

    // ------------------------------------------------------------------ introspection

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Size of dimension {@code d} (negative counts from the end). */
    public int size(int d) {
        return shape[Shape.dim(d, shape.length, "size")];
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    public int numel() {
        return data.size();
    }

    public Backend backend() {
        return data.backend();
    }

    /** The values as a new array (row-major). */
    public float[] toArray() {
        float[] out = new float[numel()];
        backend().download(data, 0, out, 0, out.length);
        return out;
    }

    /** The single value of a one-element tensor. */
    public float item() {
        if (numel() != 1) {
            throw new IllegalStateException("item() needs a tensor with exactly one element, but this one has shape "
                    + Shape.str(shape) + "; reduce it first, e.g. with mean()");
        }
        float[] one = new float[1];
        backend().download(data, 0, one, 0, 1);
        return one[0];
    }

    /** The element at a full index, e.g. {@code t.get(2, 5)}. */
    public float get(int... index) {
        int off = flatIndex(index);
        float[] one = new float[1];
        backend().download(data, off, one, 0, 1);
        return one[0];
    }

    int flatIndex(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("get: tensor of shape " + Shape.str(shape) + " needs " + shape.length
                    + " indices, got " + index.length);
        }
        int off = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IndexOutOfBoundsException("get: index " + index[d] + " is out of range for dimension " + d
                        + " of size " + shape[d]);
            }
            off = off * shape[d] + index[d];
        }
        return off;
    }

    /** Overwrites the values (same number of elements); not recorded by autograd. */
    public Tensor set(float[] values) {
        if (values.length != numel()) {
            throw new IllegalArgumentException("set: " + values.length + " values for a tensor of shape "
                    + Shape.str(shape));
        }
        Buffer tmp = backend().upload(values, 0, values.length);
        backend().copy(tmp, 0, data, 0, values.length);
        return this;
    }

    /** Copies the values of {@code other} (same shape) into this tensor; not recorded by autograd. */
    public Tensor copyFrom(Tensor other) {
        if (!Shape.same(shape, other.shape)) {
            throw new IllegalArgumentException("copyFrom: shape " + Shape.str(other.shape) + " into "
                    + Shape.str(shape));
        }
        if (other.backend() == backend()) backend().copy(other.data, 0, data, 0, numel());
        else set(other.toArray());
        return this;
    }

    // ------------------------------------------------------------------ autograd

    /** Marks this (leaf) tensor as one whose gradient should be computed. Returns {@code this}. */
    public Tensor requiresGrad(boolean on) {
        if (!leaf) {
            throw new IllegalStateException("requiresGrad can only be set on tensors you created, not on results of "
                    + "operations (use detach() to start a new leaf)");
        }
        this.requiresGrad = on;
        return this;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    void markRequiresGrad() {
        requiresGrad = true;
        leaf = false;
    }

    /** True for tensors created directly rather than computed by a recorded operation. */
    public boolean isLeaf() {
        return leaf;
    }

    boolean hasGrad() {
        return grad != null;
    }

    /** The gradient buffer, allocated (zeroed) on first use. */
    Buffer gradBuffer() {
        if (grad == null) grad = backend().allocate(numel());
        return grad;
    }

    /** The accumulated gradient as a new tensor (no autograd), or {@code null} if none has been computed. */
    public Tensor grad() {
        if (grad == null) return null;
        Tensor g = new Tensor(backend().allocate(numel()), shape);
        backend().copy(grad, 0, g.data, 0, numel());
        return g;
    }

    /** The gradient values, or {@code null} if none has been computed. */
    public float[] gradArray() {
        if (grad == null) return null;
        float[] out = new float[numel()];
        backend().download(grad, 0, out, 0, out.length);
        return out;
    }

    /** Resets the gradient to zero (keeps the buffer). */
    public void zeroGrad() {
        if (grad != null) backend().fill(grad, 0, numel(), 0f);
    }

    /** Frees the gradient buffer. */
    public void clearGrad() {
        grad = null;
    }

    /**
     * Computes the gradient of this one-element tensor with respect to every tensor that requires a gradient and
     * led to it, accumulating into their {@link #grad()}.
     */
    public void backward() {
        if (numel() != 1) {
            throw new IllegalStateException("backward() starts from a single number (a loss), but this tensor has shape "
                    + Shape.str(shape) + "; reduce it with sum() or mean() first");
        }
        if (!requiresGrad) {
            throw new IllegalStateException("backward(): nothing this value depends on requires a gradient — call "
                    + "requiresGrad(true) on the parameters, and do not compute the loss inside Tape.noGrad()");
        }
        backend().fill(gradBuffer(), 0, 1, 1f);
        Tape.backward(this);
    }

    /** The same values as a new leaf that is not connected to the tape. */
    public Tensor detach() {
        Tensor t = new Tensor(backend().allocate(numel()), shape);
        backend().copy(data, 0, t.data, 0, numel());
        return t;
    }

    /** An optional name used in messages and checkpoints. */
    public Tensor named(String name) {
        this.name = name;
        return this;
    }

    public String name() {
        return name;
    }

    // ------------------------------------------------------------------ operations

    /** Matrix product with broadcasting over leading (batch) dimensions, like {@code torch.matmul}. */
    public Tensor matmul(Tensor other) {
        return MatmulOp.matmul(this, other);
    }

    /**
     * A layer: this [..., in] · weight [in, out] + bias [out] (no bias when null), the same numbers as
     * {@code matmul(weight).add(bias)} but as one operation, with one output and no intermediate tensor.
     */
    public Tensor linear(Tensor weight, Tensor bias) {
        return MatmulOp.linear(this, weight, bias);
    }

    public Tensor add(Tensor other) {
        return ElementwiseOp.binary(llmfs.compute.backend.BinaryOp.ADD, this, other);
    }

    public Tensor sub(Tensor other) {
        return ElementwiseOp.binary(llmfs.compute.backend.BinaryOp.SUB, this, other);
    }

    public Tensor mul(Tensor other) {
        return ElementwiseOp.binary(llmfs.compute.backend.BinaryOp.MUL, this, other);
    }

    public Tensor div(Tensor other) {
        return ElementwiseOp.binary(llmfs.compute.backend.BinaryOp.DIV, this, other);
    }

    public Tensor add(float c) {
        return ElementwiseOp.unary(UnaryOp.ADD_SCALAR, this, c);
    }

    public Tensor mul(float c) {
        return ElementwiseOp.unary(UnaryOp.SCALE, this, c);
    }

    public Tensor div(float c) {
        return ElementwiseOp.unary(UnaryOp.SCALE, this, 1f / c);
    }

    public Tensor neg() {
        return ElementwiseOp.unary(UnaryOp.NEG, this, 0f);
    }

    public Tensor exp() {
        return ElementwiseOp.unary(UnaryOp.EXP, this, 0f);
    }

    public Tensor log() {
        return ElementwiseOp.unary(UnaryOp.LOG, this, 0f);
    }

    public Tensor tanh() {
        return ElementwiseOp.unary(UnaryOp.TANH, this, 0f);
    }

    public Tensor relu() {
        return ElementwiseOp.unary(UnaryOp.RELU, this, 0f);
    }

    /** Exact GELU, as PyTorch's {@code nn.GELU()}. */
    public Tensor gelu() {
        return ElementwiseOp.unary(UnaryOp.GELU, this, 0f);
    }

    public Tensor sigmoid() {
        return ElementwiseOp.unary(UnaryOp.SIGMOID, this, 0f);
    }

    public Tensor square() {
        return ElementwiseOp.unary(UnaryOp.SQUARE, this, 0f);
    }

    public Tensor sqrt() {
        return ElementwiseOp.unary(UnaryOp.SQRT, this, 0f);
    }

    /** Sum of all elements (shape {@code []}). */
    public Tensor sum() {
        return ReduceOp.sumAll(this);
    }

    /** Mean of all elements (shape {@code []}). */
    public Tensor mean() {
        return ReduceOp.sumAll(this).mul(1f / numel());
    }

    /** Sum over one dimension. */
    public Tensor sum(int dim, boolean keepDim) {
        return ReduceOp.sumDim(this, dim, keepDim);
    }

    /** Mean over one dimension. */
    public Tensor mean(int dim, boolean keepDim) {
        int d = Shape.dim(dim, shape.length, "mean");
        return ReduceOp.sumDim(this, d, keepDim).mul(1f / shape[d]);
    }

    /** Softmax over the last dimension. */
    public Tensor softmax() {
        return SoftmaxOp.softmax(this, false);
    }

    /** Log-softmax over the last dimension (stable: computed as x − max − log Σ exp(x − max)). */
    public Tensor logSoftmax() {
        return SoftmaxOp.softmax(this, true);
    }

    /** The same data with a new shape (one dimension may be −1). */
    public Tensor view(int... newShape) {
        return ViewOp.view(this, newShape);
    }

    /** Flattens dimensions {@code from..end} into one. */
    public Tensor flatten(int from) {
        int d = Shape.dim(from, Math.max(1, shape.length), "flatten");
        int[] s = new int[d + 1];
        System.arraycopy(shape, 0, s, 0, d);
        s[d] = -1;
        return view(s);
    }

    /** Swaps two dimensions (copies, so the result is contiguous). */
    public Tensor transpose(int a, int b) {
        int[] perm = new int[shape.length];
        for (int i = 0; i < perm.length; i++) perm[i] = i;
        int da = Shape.dim(a, shape.length, "transpose"), db = Shape.dim(b, shape.length, "transpose");
        perm[da] = db;
        perm[db] = da;
        return ViewOp.permute(this, perm);
    }

    /** Reorders dimensions: result dim i is this tensor's dim {@code perm[i]}. */
    public Tensor permute(int... perm) {
        return ViewOp.permute(this, perm);
    }

    /** Rows {@code from..to-1} of the first dimension (a copy). */
    public Tensor slice(int from, int to) {
        return ViewOp.slice(this, from, to);
    }

    /**
     * Mean cross-entropy between rows of logits ({@code [N, C]}, or {@code [B, T, C]} flattened) and integer targets,
     * computed in one stable step (log-sum-exp with the max subtracted).
     */
    public Tensor crossEntropy(int[] targets) {
        return CrossEntropyOp.crossEntropy(this, targets, Integer.MIN_VALUE);
    }

    /** Cross-entropy that skips rows whose target is {@code ignoreIndex} (e.g. prompt tokens in SFT). */
    public Tensor crossEntropy(int[] targets, int ignoreIndex) {
        return CrossEntropyOp.crossEntropy(this, targets, ignoreIndex);
    }

    /**
     * log p(target) for each row of logits ({@code [N, C]} or {@code [B, T, C]} flattened): shape {@code [rows]}.
     * Rows whose target is {@code ignoreIndex} give 0 and pass no gradient. Summed per sequence this is the sequence
     * log-probability that DPO compares.
     */
    public Tensor tokenLogProbs(int[] targets, int ignoreIndex) {
        return TokenLogProbOp.logProbs(this, targets, ignoreIndex);
    }

    /** log σ(x) elementwise, stable for large |x| (DPO's loss is −logSigmoid of the reward margin). */
    public Tensor logSigmoid() {
        return LogSigmoidOp.logSigmoid(this);
    }

    /** Layer normalisation over the last dimension with learned scale and shift. */
    public Tensor layerNorm(Tensor gamma, Tensor beta, float eps) {
        return LayerNormOp.layerNorm(this, gamma, beta, eps);
    }

    /**
     * Rows of an embedding table: {@code table[ids[i]]}; the result has shape {@code idShape + [dim]}.
     */
    public static Tensor embedding(Tensor table, int[] ids, int... idShape) {
        return EmbeddingOp.embedding(table, ids, idShape);
    }

    /**
     * Causal self-attention of this query tensor ({@code [..., T, D]}) with keys and values of the same shape:
     * softmax(q·kᵀ/√D with future positions masked)·v.
     */
    public Tensor causalAttention(Tensor k, Tensor v) {
        return AttentionOp.causal(this, k, v, null);
    }

    // ------------------------------------------------------------------ printing

    @Override
    public String toString() {
        float[] v = numel() <= 64 ? toArray() : null;
        StringBuilder sb = new StringBuilder("Tensor").append(Shape.str(shape));
        if (name != null) sb.append(" '").append(name).append('\'');
        if (v != null) {
            sb.append(' ');
            format(sb, v, 0, 0);
        } else {
            sb.append(" (").append(numel()).append(" values)");
        }
        return sb.toString();
    }

    private int format(StringBuilder sb, float[] v, int dim, int off) {
        if (shape.length == 0) {
            sb.append(fmt(v[0]));
            return off + 1;
        }
        sb.append('[');
        for (int i = 0; i < shape[dim]; i++) {
            if (i > 0) sb.append(", ");
            if (dim == shape.length - 1) sb.append(fmt(v[off++]));
            else off = format(sb, v, dim + 1, off);
        }
        sb.append(']');
        return off;
    }

    private static String fmt(float f) {
        return String.format(java.util.Locale.ROOT, "%.4f", f);
    }

    /** Checks that all tensors share one backend, with a message that says how to fix it. */
    static Backend sameBackend(String op, Tensor... ts) {
        Backend b = ts[0].backend();
        for (Tensor t : ts) {
            if (t != null && t.backend() != b) {
                throw new IllegalArgumentException(op + ": tensors live on different backends (" + b.name() + " and "
                        + t.backend().name() + "); create them after choosing the backend, or copy with toArray()");
            }
        }
        return b;
    }

    static Tensor result(Backend b, int... shape) {
        return new Tensor(b.allocate(Shape.numel(shape)), shape);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** Shape and values equal exactly (for tests and checks). */
    public boolean sameValues(Tensor other) {
        return Shape.same(shape, other.shape) && Arrays.equals(toArray(), other.toArray());
    }
}
