package llmfs.compute.sample;

import llmfs.compute.Rng;
import llmfs.compute.backend.UnaryOp;
import llmfs.compute.kernel.CachedAttention;
import llmfs.compute.kernel.Elementwise;
import llmfs.compute.kernel.MatVec;
import llmfs.compute.kernel.PackedMatrix;
import llmfs.compute.kernel.ScalarCachedAttention;
import llmfs.compute.kernel.ScalarElementwise;
import llmfs.compute.kernel.ScalarMatVec;
import llmfs.compute.kernel.Simd;
import llmfs.compute.nn.CausalSelfAttention;
import llmfs.compute.nn.Gpt;
import llmfs.compute.nn.Linear;
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
 * <p>Everything runs on plain arrays on the calling thread, without allocating per token: the weights are copied out
 * of the model and packed for {@link MatVec} when the sampler is made (evaluation mode: no dropout), so make a new
 * sampler after training further. Attention reads the cache through {@link CachedAttention}, layer norm and GELU
 * use the {@link Elementwise} kernels (all Vector API where available), and the residual additions are folded into
 * the products. One sampler is one conversation's state and is not thread-safe.
 */
public final class GptSampler {
    /** Receives each generated token as it is sampled; returning false stops the generation. */
    @FunctionalInterface
    public interface TokenSink {
        boolean accept(int id);
    }

    private final int vocab, dim, heads, hd, layers, context, keep, padded;
    private final float[] tokEmb, pos, lnfW, lnfB;
    private final PackedMatrix head;
    private final float lnfEps;
    private final Layer[] blocks;
    private final MatVec mv;
    private final Elementwise ew;
    private final CachedAttention attention;
    private final int[] window, slid;
    private int len;
    // scratch, one row per token of the current batch (grown on demand)
    private float[] xs = new float[0], hs = new float[0], qkvs = new float[0], atts = new float[0], fs = new float[0];
    private final float[] logits, scores;

    /**
     * One block's packed weights and its cache: keys transposed per head ([dim, padded]: for each head's dimension
     * d, the keys of every position in a row), so a query's scores over all positions are {@code hd} vector
     * multiply-adds along the positions; values row per position ([context, dim]).
     */
    private record Layer(float[] ln1W, float[] ln1B, float eps1, PackedMatrix qkv, PackedMatrix out, float[] ln2W,
                         float[] ln2B, float eps2, PackedMatrix fc, PackedMatrix proj, float[] keysT,
                         float[] vCache) {}

    /** A sampler that keeps half the window when it slides (so the model always sees at least half a context). */
    public GptSampler(Gpt model) {
        this(model, Math.max(1, model.cfg.context() / 2));
    }

    /**
     * @param keep tokens kept when a full window slides (1 to context − 1); {@code context - 1} reproduces
     *             crop-and-recompute exactly
     */
    public GptSampler(Gpt model, int keep) {
        this(model, keep, true);
    }

    /**
     * As {@link #GptSampler(Gpt, int)}; {@code vectorApi} false runs the plain-Java kernels even where the Vector API
     * is available (the tests compare both with the tensor path).
     */
    public GptSampler(Gpt model, int keep, boolean vectorApi) {
        Gpt.Config c = model.cfg;
        if (c.context() < 2) throw new IllegalArgumentException("a sliding cache needs a context of at least 2");
        if (keep < 1 || keep >= c.context()) {
            throw new IllegalArgumentException("keep must be between 1 and context - 1 = " + (c.context() - 1)
                    + ", got " + keep);
        }
        boolean simd = vectorApi && Simd.available();
        this.mv = simd ? MatVec.best() : new ScalarMatVec();
        this.ew = simd ? Elementwise.best() : new ScalarElementwise();
        this.attention = simd ? CachedAttention.best() : new ScalarCachedAttention();
        this.vocab = c.vocab();
        this.dim = c.dim();
        this.heads = c.heads();
        this.hd = dim / heads;
        this.layers = c.layers();
        this.context = c.context();
        this.padded = roundUp(context);
        this.keep = keep;
        this.tokEmb = model.tokens.weight.toArray();
        this.pos = Gpt.sinusoid(context, dim);
        this.lnfW = model.lnFinal.weight.toArray();
        this.lnfB = model.lnFinal.bias.toArray();
        this.lnfEps = model.lnFinal.eps();
        this.head = pack(model.head);
        this.blocks = new Layer[layers];
        for (int l = 0; l < layers; l++) {
            TransformerBlock b = model.blocks.get(l);
            CausalSelfAttention a = b.attn;
            blocks[l] = new Layer(b.ln1.weight.toArray(), b.ln1.bias.toArray(), b.ln1.eps(), pack(a.qkv),
                    pack(a.out), b.ln2.weight.toArray(), b.ln2.bias.toArray(), b.ln2.eps(), pack(b.fc),
                    pack(b.proj), new float[dim * padded], new float[context * dim]);
        }
        this.window = new int[context];
        this.slid = new int[context];
        this.logits = new float[vocab];
        this.scores = new float[padded];
    }

    private PackedMatrix pack(Linear l) {
        return mv.pack(l.weight.toArray(), l.bias == null ? null : l.bias.toArray(), l.in, l.out);
    }

    /** Positions rounded up to whole vectors (16 floats covers AVX-512 and narrower), so no loop has a tail. */
    private static int roundUp(int n) {
        return (n + 15) / 16 * 16;
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
        run(prompt, from, prompt.length - from, true);
        return logits;
    }

    /** Appends {@code token} (sliding the window when it is full) and returns the logits for the token after it. */
    public float[] next(int token) {
        if (token < 0 || token >= vocab) {
            throw new IllegalArgumentException("token id " + token + " is outside the model's vocabulary of " + vocab);
        }
        if (len == context) {
            System.arraycopy(window, context - keep, slid, 0, keep);
            len = 0;
            run(slid, 0, keep, false);
        }
        slid[0] = token;
        run(slid, 0, 1, true);
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
     * Runs {@code tokens[from, from + n)} at positions len, len+1, ... through every layer as one batch (each weight
     * is read once per four rows), caching their keys and values; the logits are those of the last token. The
     * residual additions are folded into the output projections ({@code accumulate}), and nothing is allocated.
     */
    private void run(int[] tokens, int from, int n, boolean wantLogits) {
        int p0 = len;
        for (int i = from; i < from + n; i++) {
            int t = tokens[i];
            if (t < 0 || t >= vocab) {
                throw new IllegalArgumentException("token id " + t + " is outside the model's vocabulary of " + vocab);
            }
        }
        ensure(n);
        System.arraycopy(tokens, from, window, p0, n);
        len += n;
        for (int r = 0; r < n; r++) {
            int tok = tokens[from + r], p = p0 + r;
            for (int i = 0; i < dim; i++) xs[r * dim + i] = tokEmb[tok * dim + i] + pos[p * dim + i];
        }
        float scale = (float) (1.0 / Math.sqrt(hd));
        for (Layer b : blocks) {
            for (int r = 0; r < n; r++) ew.layerNormRow(xs, r * dim, dim, b.ln1W, b.ln1B, hs, b.eps1);
            mv.multiply(b.qkv, hs, 0, n, qkvs, 0, false);
            for (int r = 0; r < n; r++) {
                int q = r * 3 * dim, p = p0 + r;
                for (int i = 0; i < dim; i++) b.keysT[i * padded + p] = qkvs[q + dim + i];
                System.arraycopy(qkvs, q + 2 * dim, b.vCache, p * dim, dim);
            }
            for (int r = 0; r < n; r++) {
                attention.attend(qkvs, r * 3 * dim, b.keysT, padded, b.vCache, dim, heads, p0 + r + 1, scale, scores,
                        atts, r * dim);
            }
            mv.multiply(b.out, atts, 0, n, xs, 0, true);
            for (int r = 0; r < n; r++) ew.layerNormRow(xs, r * dim, dim, b.ln2W, b.ln2B, hs, b.eps2);
            mv.multiply(b.fc, hs, 0, n, fs, 0, false);
            ew.unary(UnaryOp.GELU, fs, fs, 0, n * 4 * dim, 0f);
            mv.multiply(b.proj, fs, 0, n, xs, 0, true);
        }
        if (wantLogits) {
            int last = (n - 1) * dim;
            ew.layerNormRow(xs, last, dim, lnfW, lnfB, hs, lnfEps);
            mv.multiply(head, hs, last, 1, logits, 0, false);
        }
    }

    /** Grows the per-batch scratch arrays to {@code n} rows. */
    private void ensure(int n) {
        if (xs.length >= n * dim) return;
        xs = new float[n * dim];
        hs = new float[n * dim];
        qkvs = new float[n * 3 * dim];
        atts = new float[n * dim];
        fs = new float[n * 4 * dim];
    }
}
