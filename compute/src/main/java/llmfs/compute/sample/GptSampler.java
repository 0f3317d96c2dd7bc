package llmfs.compute.sample;

import llmfs.compute.Rng;
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
 * slide for far fewer recomputes. The default keeps three quarters.
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
    private final float[] tokEmb, pos, lnfW, lnfB, headW, headB;
    private final float lnfEps;
    private final Layer[] blocks;
    private final int[] window;
    private int len;
    // scratch
    private final float[] x, h, qkv, att, y, f, logits, scores;

    private record Layer(float[] ln1W, float[] ln1B, float eps1, float[] qkvW, float[] outW, float[] ln2W,
                         float[] ln2B, float eps2, float[] fcW, float[] fcB, float[] projW, float[] projB,
                         float[] kCache, float[] vCache) {}

    /** A sampler that keeps three quarters of the window when it slides. */
    public GptSampler(Gpt model) {
        this(model, Math.max(1, model.cfg.context() * 3 / 4));
    }

    /**
     * @param keep tokens kept when a full window slides (1 to context − 1); {@code context - 1} reproduces
     *             crop-and-recompute exactly
     */
    public GptSampler(Gpt model, int keep) {
        Gpt.Config c = model.cfg;
        if (keep < 1 || keep >= Math.max(2, c.context())) {
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
        this.headW = model.head.weight.toArray();
        this.headB = model.head.bias == null ? new float[vocab] : model.head.bias.toArray();
        this.blocks = new Layer[layers];
        for (int l = 0; l < layers; l++) {
            TransformerBlock b = model.blocks.get(l);
            CausalSelfAttention a = b.attn;
            blocks[l] = new Layer(b.ln1.weight.toArray(), b.ln1.bias.toArray(), b.ln1.eps(), a.qkv.weight.toArray(),
                    a.out.weight.toArray(), b.ln2.weight.toArray(), b.ln2.bias.toArray(), b.ln2.eps(),
                    b.fc.weight.toArray(), b.fc.bias.toArray(), b.proj.weight.toArray(), b.proj.bias.toArray(),
                    new float[context * dim], new float[context * dim]);
        }
        this.window = new int[context];
        this.x = new float[dim];
        this.h = new float[dim];
        this.qkv = new float[3 * dim];
        this.att = new float[dim];
        this.y = new float[dim];
        this.f = new float[4 * dim];
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
        for (int i = from; i < prompt.length; i++) step(prompt[i], i == prompt.length - 1);
        return logits;
    }

    /** Appends {@code token} (sliding the window when it is full) and returns the logits for the token after it. */
    public float[] next(int token) {
        if (len == context) {
            int[] kept = java.util.Arrays.copyOfRange(window, context - keep, context);
            len = 0;
            for (int t : kept) step(t, false);
        }
        step(token, true);
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

    /** Runs one token at position {@code len} through every layer, caching its keys and values. */
    private void step(int token, boolean wantLogits) {
        if (token < 0 || token >= vocab) {
            throw new IllegalArgumentException("token id " + token + " is outside the model's vocabulary of " + vocab);
        }
        int p = len;
        window[p] = token;
        len++;
        for (int i = 0; i < dim; i++) x[i] = tokEmb[token * dim + i] + pos[p * dim + i];
        float scale = (float) (1.0 / Math.sqrt(hd));
        for (Layer b : blocks) {
            layerNorm(x, b.ln1W, b.ln1B, b.eps1, h);
            matVec(h, b.qkvW, dim, 3 * dim, null, qkv);
            System.arraycopy(qkv, dim, b.kCache, p * dim, dim);
            System.arraycopy(qkv, 2 * dim, b.vCache, p * dim, dim);
            for (int hh = 0; hh < heads; hh++) {
                int o = hh * hd;
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j <= p; j++) {
                    float s = 0;
                    int ko = j * dim + o;
                    for (int d = 0; d < hd; d++) s += qkv[o + d] * b.kCache[ko + d];
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
                for (int d = 0; d < hd; d++) att[o + d] = 0;
                for (int j = 0; j <= p; j++) {
                    float w = scores[j] * inv;
                    int vo = j * dim + o;
                    for (int d = 0; d < hd; d++) att[o + d] += w * b.vCache[vo + d];
                }
            }
            matVec(att, b.outW, dim, dim, null, y);
            for (int i = 0; i < dim; i++) x[i] += y[i];
            layerNorm(x, b.ln2W, b.ln2B, b.eps2, h);
            matVec(h, b.fcW, dim, 4 * dim, b.fcB, f);
            for (int i = 0; i < f.length; i++) f[i] = (float) UnaryOp.gelu(f[i]);
            matVec(f, b.projW, 4 * dim, dim, b.projB, y);
            for (int i = 0; i < dim; i++) x[i] += y[i];
        }
        if (wantLogits) {
            layerNorm(x, lnfW, lnfB, lnfEps, h);
            matVec(h, headW, dim, vocab, headB, logits);
        }
    }

    /** out = v·W (+ b) for W stored [in, out] row-major: a sum of W's rows scaled by v (vectorises well). */
    private static void matVec(float[] v, float[] w, int in, int out, float[] bias, float[] dst) {
        if (bias != null) System.arraycopy(bias, 0, dst, 0, out);
        else java.util.Arrays.fill(dst, 0, out, 0f);
        for (int i = 0; i < in; i++) {
            float a = v[i];
            int row = i * out;
            for (int j = 0; j < out; j++) dst[j] += a * w[row + j];
        }
    }

    private static void layerNorm(float[] in, float[] w, float[] b, float eps, float[] out) {
        int n = in.length;
        double mean = 0;
        for (float v : in) mean += v;
        mean /= n;
        double var = 0;
        for (float v : in) var += (v - mean) * (v - mean);
        var /= n;
        float inv = (float) (1.0 / Math.sqrt(var + eps));
        for (int i = 0; i < n; i++) out[i] = (float) ((in[i] - mean) * inv) * w[i] + b[i];
    }
}
