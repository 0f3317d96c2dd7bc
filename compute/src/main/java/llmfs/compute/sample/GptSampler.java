package llmfs.compute.sample;

import llmfs.compute.Rng;
import llmfs.compute.Tape;
import llmfs.compute.Tensor;
import llmfs.compute.backend.UnaryOp;
import llmfs.compute.nn.CausalSelfAttention;
import llmfs.compute.nn.Gpt;
import llmfs.compute.nn.LayerNorm;
import llmfs.compute.nn.TransformerBlock;

/**
 * Generation from a {@link Gpt} with a key/value cache: each new token runs through the model once, attending to
 * the keys and values every earlier position left in the cache, instead of recomputing the whole window per token.
 *
 * <p>The cache holds at most the model's context. When it is full the window slides: the oldest tokens are dropped
 * and the kept ones are run through again, because with absolute positions every kept token's position (and so
 * every cached key and value) changes. Keeping {@code context - 1} tokens makes each step exactly what cropping the
 * window and recomputing would give (one recompute per token); keeping fewer trades a little context right after a
 * slide for far fewer recomputes. The default keeps half: with the course's context of 64, one batched recompute of
 * 32 tokens per 32 new ones.
 *
 * <p>The weights are copied out of the model when the sampler is made (evaluation mode: no dropout); make a new
 * sampler after training further. One sampler is one conversation's state and is not thread-safe.
 */
public final class GptSampler {
    /** Receives each generated token as it is sampled; returning false stops the generation. */
    @FunctionalInterface
    public interface TokenSink {
        boolean accept(int id);
    }

    private final int vocab, dim, heads, hd, layers, context, keep;
    private final float[] tokEmb, pos, lnfW, lnfB;
    private final Mat head;
    private final float lnfEps;
    private final Layer[] blocks;
    private final int[] window;
    private int len;
    // scratch, one row per token of the current batch (grown on demand)
    private float[] xs = new float[0], hs = new float[0], qkvs = new float[0], atts = new float[0], ys = new float[0],
            fs = new float[0];
    private final float[] logits, scores;

    private record Layer(float[] ln1W, float[] ln1B, float eps1, Mat qkv, Mat out, float[] ln2W,
                         float[] ln2B, float eps2, Mat fc, Mat proj, float[] kCache, float[] vCache) {}

    /**
     * A weight matrix [in, out] with its optional bias, as arrays for one or a few rows and as tensors for a batch,
     * which the compute backend multiplies with its parallel SIMD kernels.
     */
    private record Mat(int in, int out, float[] w, float[] b, Tensor wt, Tensor bt) {
        static Mat of(llmfs.compute.nn.Linear l) {
            float[] w = l.weight.toArray(), b = l.bias == null ? null : l.bias.toArray();
            return new Mat(l.in, l.out, w, b, Tensor.of(w.clone(), l.in, l.out),
                    b == null ? null : Tensor.of(b.clone(), l.out));
        }
    }

    /** Rows from which a batch goes through the backend's matrix product instead of the plain loop. */
    private static final int BATCH_ROWS = 8;

    /** A sampler that keeps half the window when it slides (so the model always sees at least half a context). */
    public GptSampler(Gpt model) {
        this(model, Math.max(1, model.cfg.context() / 2));
    }

    /**
     * @param keep tokens kept when a full window slides (1 to context − 1); {@code context - 1} reproduces
     *             crop-and-recompute exactly
     */
    public GptSampler(Gpt model, int keep) {
        Gpt.Config c = model.cfg;
        if (c.context() < 2) throw new IllegalArgumentException("a sliding cache needs a context of at least 2");
        if (keep < 1 || keep >= c.context()) {
            throw new IllegalArgumentException("keep must be between 1 and context - 1 = " + (c.context() - 1)
                    + ", got " + keep);
        }
        this.vocab = c.vocab();
        this.dim = c.dim();
        this.heads = c.heads();
        this.hd = dim / heads;
        this.layers = c.layers();
        this.context = c.context();
        this.keep = keep;
        this.tokEmb = model.tokens.weight.toArray();
        this.pos = Gpt.sinusoid(context, dim);
        this.lnfW = model.lnFinal.weight.toArray();
        this.lnfB = model.lnFinal.bias.toArray();
        this.lnfEps = model.lnFinal.eps();
        this.head = Mat.of(model.head);
        this.blocks = new Layer[layers];
        for (int l = 0; l < layers; l++) {
            TransformerBlock b = model.blocks.get(l);
            CausalSelfAttention a = b.attn;
            blocks[l] = new Layer(b.ln1.weight.toArray(), b.ln1.bias.toArray(), b.ln1.eps(), Mat.of(a.qkv),
                    Mat.of(a.out), b.ln2.weight.toArray(), b.ln2.bias.toArray(), b.ln2.eps(), Mat.of(b.fc),
                    Mat.of(b.proj), new float[context * dim], new float[context * dim]);
        }
        this.window = new int[context];
        this.logits = new float[vocab];
        this.scores = new float[context];
    }

    /** The model's context (the most tokens the cache holds). */
    public int context() {
        return context;
    }

    /** Tokens now in the cache (the window the next logits are conditioned on). */
    public int[] window() {
        return java.util.Arrays.copyOf(window, len);
    }

    /**
     * Starts a new sequence: runs {@code prompt} (its last {@code context} tokens; at least one token) through the
     * model and returns the logits for the token after it. The returned array is reused by the next call.
     */
    public float[] prefill(int[] prompt) {
        if (prompt.length == 0) throw new IllegalArgumentException("a prompt needs at least one token");
        len = 0;
        int from = Math.max(0, prompt.length - context);
        run(java.util.Arrays.copyOfRange(prompt, from, prompt.length), true);
        return logits;
    }

    /** Appends {@code token} (sliding the window when it is full) and returns the logits for the token after it. */
    public float[] next(int token) {
        if (len == context) {
            int[] kept = java.util.Arrays.copyOfRange(window, context - keep, context);
            len = 0;
            run(kept, false);
        }
        run(new int[]{token}, true);
        return logits;
    }

    /**
     * Continues {@code prompt} by up to {@code maxNew} sampled tokens, handing each to {@code sink} as it comes.
     * Stops early at {@code stopId} (not passed to the sink; -1: never) or when the sink returns false.
     *
     * @return the number of tokens generated (the stop token not counted)
     */
    public int generate(int[] prompt, int maxNew, Sampler.Settings settings, Rng rng, int stopId, TokenSink sink) {
        if (maxNew <= 0) return 0;
        float[] l = prefill(prompt);
        for (int n = 0; n < maxNew; n++) {
            int id = Sampler.sample(l, settings, rng);
            if (id == stopId) return n;
            if (!sink.accept(id)) return n + 1;
            if (n + 1 < maxNew) l = next(id);
        }
        return maxNew;
    }

    /**
     * Runs {@code tokens} at positions len, len+1, ... through every layer as one batch (each weight matrix is read
     * once for all of them), caching their keys and values; the logits are those of the last token.
     */
    private void run(int[] tokens, boolean wantLogits) {
        int n = tokens.length, p0 = len;
        for (int t : tokens) {
            if (t < 0 || t >= vocab) {
                throw new IllegalArgumentException("token id " + t + " is outside the model's vocabulary of " + vocab);
            }
        }
        ensure(n);
        System.arraycopy(tokens, 0, window, p0, n);
        len += n;
        for (int r = 0; r < n; r++) {
            int tok = tokens[r], p = p0 + r;
            for (int i = 0; i < dim; i++) xs[r * dim + i] = tokEmb[tok * dim + i] + pos[p * dim + i];
        }
        float scale = (float) (1.0 / Math.sqrt(hd));
        for (Layer b : blocks) {
            for (int r = 0; r < n; r++) layerNorm(xs, r * dim, dim, b.ln1W, b.ln1B, b.eps1, hs, r * dim);
            matMul(hs, n, b.qkv, qkvs);
            for (int r = 0; r < n; r++) {
                System.arraycopy(qkvs, r * 3 * dim + dim, b.kCache, (p0 + r) * dim, dim);
                System.arraycopy(qkvs, r * 3 * dim + 2 * dim, b.vCache, (p0 + r) * dim, dim);
            }
            for (int r = 0; r < n; r++) attend(b, qkvs, r * 3 * dim, p0 + r, scale, atts, r * dim);
            matMul(atts, n, b.out, ys);
            for (int i = 0; i < n * dim; i++) xs[i] += ys[i];
            for (int r = 0; r < n; r++) layerNorm(xs, r * dim, dim, b.ln2W, b.ln2B, b.eps2, hs, r * dim);
            matMul(hs, n, b.fc, fs);
            for (int i = 0; i < n * 4 * dim; i++) fs[i] = (float) UnaryOp.gelu(fs[i]);
            matMul(fs, n, b.proj, ys);
            for (int i = 0; i < n * dim; i++) xs[i] += ys[i];
        }
        if (wantLogits) {
            layerNorm(xs, (n - 1) * dim, dim, lnfW, lnfB, lnfEps, hs, 0);
            matMul(hs, 1, head, logits);
        }
    }

    /** Row {@code p}'s attention over cached positions 0..p, every head, written to {@code out[outOff..]}. */
    private void attend(Layer b, float[] qkv, int qOff, int p, float scale, float[] out, int outOff) {
        for (int hh = 0; hh < heads; hh++) {
            int o = hh * hd;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j <= p; j++) {
                float s = 0;
                int ko = j * dim + o;
                for (int d = 0; d < hd; d++) s += qkv[qOff + o + d] * b.kCache[ko + d];
                s *= scale;
                scores[j] = s;
                if (s > max) max = s;
            }
            double sum = 0;
            for (int j = 0; j <= p; j++) {
                float e = (float) Math.exp(scores[j] - max);
                scores[j] = e;
                sum += e;
            }
            float inv = (float) (1.0 / sum);
            java.util.Arrays.fill(out, outOff + o, outOff + o + hd, 0f);
            for (int j = 0; j <= p; j++) {
                float w = scores[j] * inv;
                int vo = j * dim + o;
                for (int d = 0; d < hd; d++) out[outOff + o + d] += w * b.vCache[vo + d];
            }
        }
    }

    /** Grows the per-batch scratch arrays to {@code n} rows. */
    private void ensure(int n) {
        if (xs.length >= n * dim) return;
        xs = new float[n * dim];
        hs = new float[n * dim];
        qkvs = new float[n * 3 * dim];
        atts = new float[n * dim];
        ys = new float[n * dim];
        fs = new float[n * 4 * dim];
    }

    /**
     * dst[n, out] = a[n, in]·W (+ b). A batch (a prompt, a slid window) goes through the backend's parallel SIMD
     * product; one or a few rows use a plain loop over W's rows, whose contiguous multiply-add the JIT vectorises and
     * which avoids the tensors' allocations for a single token.
     */
    private static void matMul(float[] a, int n, Mat m, float[] dst) {
        int in = m.in(), out = m.out();
        if (n >= BATCH_ROWS) {
            try (var off = Tape.noGrad()) {
                float[] r = Tensor.of(java.util.Arrays.copyOf(a, n * in), n, in).linear(m.wt(), m.bt()).toArray();
                System.arraycopy(r, 0, dst, 0, n * out);
            }
            return;
        }
        float[] w = m.w();
        for (int r = 0; r < n; r++) {
            if (m.b() != null) System.arraycopy(m.b(), 0, dst, r * out, out);
            else java.util.Arrays.fill(dst, r * out, (r + 1) * out, 0f);
        }
        for (int k = 0; k < in; k++) {
            int row = k * out;
            for (int r = 0; r < n; r++) {
                float v = a[r * in + k];
                int d0 = r * out;
                for (int j = 0; j < out; j++) dst[d0 + j] += v * w[row + j];
            }
        }
    }

    private static void layerNorm(float[] in, int off, int n, float[] w, float[] b, float eps, float[] out,
                                  int outOff) {
        double mean = 0;
        for (int i = 0; i < n; i++) mean += in[off + i];
        mean /= n;
        double var = 0;
        for (int i = 0; i < n; i++) var += (in[off + i] - mean) * (in[off + i] - mean);
        var /= n;
        float inv = (float) (1.0 / Math.sqrt(var + eps));
        for (int i = 0; i < n; i++) out[outOff + i] = (float) ((in[off + i] - mean) * inv) * w[i] + b[i];
    }
}
