package llmfs.compute.backend;

/**
 * The kernels every tensor operation runs on. One implementation per kind of hardware: plain scalar Java (the
 * readable reference), multi-threaded SIMD Java, and OpenCL. Tensors keep their data in this backend's
 * {@link Buffer}s for their whole life, so a training step never copies through the host between operations.
 *
 * <p>Conventions: all buffers are contiguous row-major float32. Methods ending in {@code Backward} <em>accumulate</em>
 * (+=) into the gradient buffers they are given, because a tensor used twice receives two gradient contributions.
 * Integer inputs (token ids, targets) are small per-step arrays and are passed as host {@code int[]}.
 */
public interface Backend extends AutoCloseable {

    /** Short name: {@code scalar}, {@code java}, {@code opencl}. */
    String name();

    /** One line for {@code tutor doctor}: what hardware, how many threads, vector width. */
    String description();

    // ---------------------------------------------------------------- memory

    /** A zero-filled buffer. */
    Buffer allocate(int size);

    /** A new buffer holding a copy of {@code src[off, off+len)}. */
    Buffer upload(float[] src, int off, int len);

    /** Copies {@code len} floats starting at {@code srcOff} into {@code dst[dstOff..]}. */
    void download(Buffer src, int srcOff, float[] dst, int dstOff, int len);

    void copy(Buffer src, int srcOff, Buffer dst, int dstOff, int len);

    void fill(Buffer dst, int off, int len, float value);

    // ---------------------------------------------------------------- linear algebra

    /**
     * Batched matrix product: for each {@code i < batch}, C_i (= or +=) op(A_i) · op(B_i) with op(A) of shape [m, k]
     * and op(B) of shape [k, n]. A_i starts at {@code i*strideA} (a stride of 0 reuses one matrix for every batch),
     * likewise B and C. {@code transA}: A_i is stored [k, m]; {@code transB}: B_i is stored [n, k].
     */
    void matmul(Buffer a, Buffer b, Buffer c, int batch, int m, int n, int k, boolean transA, boolean transB,
                long strideA, long strideB, long strideC, boolean accumulate);

    // ---------------------------------------------------------------- elementwise

    /** y[i] = f(x[i]) for {@code i < n}. */
    void unary(UnaryOp op, Buffer x, Buffer y, int n, float param);

    /** gx[i] += f'(x[i]) · gy[i]; {@code y} is f(x) (used by ops whose derivative is cheaper from y). */
    void unaryBackward(UnaryOp op, Buffer x, Buffer y, Buffer gy, Buffer gx, int n, float param);

    /** out = a ∘ b with broadcasting as described by {@code bc}; {@code out} may be {@code a} when a has the output shape. */
    void binary(BinaryOp op, Buffer a, Buffer b, Buffer out, Broadcast bc);

    /**
     * Sums {@code x} (of shape {@code xShape}) down to {@code yShape} (same rank, each dim equal or 1) and adds the
     * result into {@code y} when {@code accumulate}, else stores it. Used for broadcast gradients and reductions.
     */
    void sumTo(Buffer x, int[] xShape, Buffer y, int[] yShape, boolean accumulate);

    /** y[yOff+i] += alpha · x[xOff+i] for {@code i < n}. */
    void axpy(float alpha, Buffer x, int xOff, Buffer y, int yOff, int n);

    /** y = x with its axes permuted: {@code y.shape[i] = xShape[perm[i]]}. */
    void permute(Buffer x, int[] xShape, int[] perm, Buffer y);

    // ---------------------------------------------------------------- rows (last dimension)

    /** Softmax (or log-softmax) over each row of a [rows, cols] matrix, max-shifted for stability. */
    void softmax(Buffer x, Buffer y, int rows, int cols, boolean log);

    /** gx += softmax (or log-softmax) backward, given the forward output y and its gradient gy. */
    void softmaxBackward(Buffer y, Buffer gy, Buffer gx, int rows, int cols, boolean log);

    /**
     * Mean cross-entropy of [rows, cols] logits against integer targets, rows whose target equals
     * {@code ignoreIndex} skipped. Writes the mean into {@code loss[0]} (0 when no row counts) and each row's
     * softmax into {@code probs} (kept for backward).
     */
    void crossEntropy(Buffer logits, int[] targets, int rows, int cols, int ignoreIndex, Buffer probs, Buffer loss);

    /** gLogits += (probs − onehot(target)) · scale for counted rows ({@code scale} = upstream grad / count). */
    void crossEntropyBackward(Buffer probs, int[] targets, int rows, int cols, int ignoreIndex, float scale,
                              Buffer gLogits);

    /** Layer norm of each row of [rows, cols]: y = (x − mean)·rstd·gamma + beta; saves mean and rstd per row. */
    void layerNorm(Buffer x, Buffer gamma, Buffer beta, Buffer y, Buffer mean, Buffer rstd, int rows, int cols,
                   float eps);

    /** Accumulates gx, gGamma and gBeta for {@link #layerNorm}. */
    void layerNormBackward(Buffer gy, Buffer x, Buffer gamma, Buffer mean, Buffer rstd, Buffer gx, Buffer gGamma,
                           Buffer gBeta, int rows, int cols);

    // ---------------------------------------------------------------- tokens

    /** out[i, :] = table[ids[i], :] for each of the {@code ids.length} rows of width {@code dim}. */
    void embedding(Buffer table, int[] ids, Buffer out, int dim);

    /** gTable[ids[i], :] += gOut[i, :]. */
    void embeddingBackward(Buffer gOut, int[] ids, Buffer gTable, int dim);

    // ---------------------------------------------------------------- attention

    /**
     * Causal scaled dot-product attention for {@code bh} independent heads of length {@code t} and width {@code d}:
     * att = softmax(mask(q·kᵀ·scale)) saved into {@code att} [bh, t, t] (future positions 0), out = att·v.
     */
    void causalAttention(Buffer q, Buffer k, Buffer v, Buffer att, Buffer out, int bh, int t, int d, float scale);

    /** Accumulates gq, gk, gv for {@link #causalAttention}. */
    void causalAttentionBackward(Buffer gOut, Buffer q, Buffer k, Buffer v, Buffer att, Buffer gq, Buffer gk,
                                 Buffer gv, int bh, int t, int d, float scale);

    /**
     * Multi-head causal self-attention straight from a fused projection: {@code qkv} is [b, t, 3, heads, d] (each
     * position's queries, then keys, then values, head after head), {@code out} is [b, t, heads, d] and {@code att}
     * [b, heads, t, t]. The same arithmetic as splitting the heads out, {@link #causalAttention} and merging them
     * back, without the copies. This default does exactly that; a backend may read the heads in place.
     */
    default void causalSelfAttention(Buffer qkv, Buffer att, Buffer out, int b, int t, int heads, int d,
                                     float scale) {
        int n = b * t * heads * d;
        Buffer[] qkvSplit = splitHeads(qkv, b, t, heads, d);
        Buffer o = allocate(n);
        causalAttention(qkvSplit[0], qkvSplit[1], qkvSplit[2], att, o, b * heads, t, d, scale);
        permute(o, new int[]{b, heads, t, d}, new int[]{0, 2, 1, 3}, out);
    }

    /** Accumulates into {@code gQkv} [b, t, 3, heads, d] the gradient of {@link #causalSelfAttention}. */
    default void causalSelfAttentionBackward(Buffer gOut, Buffer qkv, Buffer att, Buffer gQkv, int b, int t,
                                             int heads, int d, float scale) {
        int n = b * t * heads * d;
        Buffer[] qkvSplit = splitHeads(qkv, b, t, heads, d);
        Buffer go = allocate(n);
        permute(gOut, new int[]{b, t, heads, d}, new int[]{0, 2, 1, 3}, go);
        Buffer g = allocate(3 * n); // [3, b, heads, t, d], zero: the three gradients are written side by side
        Buffer gq = allocate(n), gk = allocate(n), gv = allocate(n);
        causalAttentionBackward(go, qkvSplit[0], qkvSplit[1], qkvSplit[2], att, gq, gk, gv, b * heads, t, d, scale);
        copy(gq, 0, g, 0, n);
        copy(gk, 0, g, n, n);
        copy(gv, 0, g, 2 * n, n);
        Buffer back = allocate(3 * n);
        permute(g, new int[]{3, b, heads, t, d}, new int[]{1, 3, 0, 2, 4}, back);
        axpy(1f, back, 0, gQkv, 0, 3 * n);
    }

    /** q, k and v of a fused projection [b, t, 3, heads, d], each as its own [b, heads, t, d] buffer. */
    private Buffer[] splitHeads(Buffer qkv, int b, int t, int heads, int d) {
        int n = b * t * heads * d;
        Buffer split = allocate(3 * n);
        permute(qkv, new int[]{b, t, 3, heads, d}, new int[]{2, 0, 3, 1, 4}, split);
        Buffer[] out = new Buffer[3];
        for (int i = 0; i < 3; i++) {
            out[i] = allocate(n);
            copy(split, i * n, out[i], 0, n);
        }
        return out;
    }

    // ---------------------------------------------------------------- optimiser

    /**
     * One AdamW update of {@code n} parameters (decoupled weight decay, bias-corrected moments), {@code step}
     * counting from 1: p −= lr·wd·p; m = b1·m + (1−b1)·g; v = b2·v + (1−b2)·g²;
     * p −= lr·(m/(1−b1^step)) / (sqrt(v/(1−b2^step)) + eps).
     */
    void adamw(Buffer param, Buffer grad, Buffer m, Buffer v, int n, float lr, float beta1, float beta2, float eps,
               float weightDecay, int step);

    /** Sum of squares of {@code n} elements (for gradient-norm clipping), returned to the host. */
    double sumOfSquares(Buffer x, int n);

    /** Waits for queued work to finish (a no-op on CPU backends). */
    default void finish() {}

    @Override
    default void close() {}
}
