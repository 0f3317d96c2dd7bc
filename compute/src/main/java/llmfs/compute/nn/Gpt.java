package llmfs.compute.nn;

import llmfs.compute.Rng;
import llmfs.compute.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The GPT of Parts 4–7: token embeddings plus fixed sinusoidal positions, dropout, a stack of pre-norm
 * {@link TransformerBlock}s, a final layer norm and a linear map to vocabulary logits. No weight tying. With vocab
 * 65, width 128, 4 heads, 3 layers it has 610,241 parameters (the course's count).
 */
public final class Gpt extends Module {
    /** Model shape. */
    public record Config(int vocab, int dim, int heads, int layers, int context, float dropout) {
        public Config {
            if (dim % heads != 0) throw new IllegalArgumentException("dim " + dim + " must be divisible by heads " + heads);
            if (vocab < 1 || dim < 1 || layers < 0 || context < 1) {
                throw new IllegalArgumentException("a GPT needs vocab, width and context of at least 1: " + this);
            }
        }

        /** Part 4's model as in the course: width 128, 4 heads, 3 layers, context 64, dropout 0.1. */
        public static Config course(int vocab) {
            return new Config(vocab, 128, 4, 3, 64, 0.1f);
        }

        public Config withVocab(int v) {
            return new Config(v, dim, heads, layers, context, dropout);
        }

        /** The same model with another context; positions are fixed sinusoids, so the weights still fit. */
        public Config withContext(int c) {
            return new Config(vocab, dim, heads, layers, c, dropout);
        }

        public Config withDropout(float p) {
            return new Config(vocab, dim, heads, layers, context, p);
        }

        /** Parameters of this shape: L·(12d² + 9d) + 2·d·V + V + 2d (positions are fixed, not learned). */
        public long parameterCount() {
            long d = dim;
            return layers * (12 * d * d + 9 * d) + 2 * d * vocab + vocab + 2 * d;
        }
    }

    public final Config cfg;
    public final Embedding tokens;
    public final List<TransformerBlock> blocks = new ArrayList<>();
    public final LayerNorm lnFinal;
    public final Linear head;
    private final Dropout drop;
    private final Tensor positions;
    private final Rng dropoutRng;

    /**
     * @param rng initialises the weights, then draws the dropout masks while training; a checkpoint saves its state
     *            ({@link #dropoutRng()}) so a resumed run draws the masks an uninterrupted one would
     */
    public Gpt(Config cfg, Rng rng) {
        this.cfg = cfg;
        this.dropoutRng = rng;
        this.tokens = child("tokens", new Embedding(cfg.vocab(), cfg.dim(), rng));
        this.drop = child("drop", new Dropout(cfg.dropout(), rng));
        for (int i = 0; i < cfg.layers(); i++) {
            blocks.add(child("blocks." + i, new TransformerBlock(cfg.dim(), cfg.heads(), cfg.dropout(), rng)));
        }
        this.lnFinal = child("lnFinal", new LayerNorm(cfg.dim()));
        this.head = child("head", new Linear(cfg.dim(), cfg.vocab(), rng));
        this.positions = Tensor.of(sinusoid(cfg.context(), cfg.dim()), cfg.context(), cfg.dim());
    }

    /** The generator the dropout layers draw their masks from (the one the model was initialised with). */
    public Rng dropoutRng() {
        return dropoutRng;
    }

    /**
     * A copy of this model for a larger (or equal) vocabulary: the rows of the token embedding and the columns of
     * the output layer for the existing ids are copied, the new ids get a fresh initialisation from {@code rng}, and
     * every other weight is copied. Parts 5–7 grow Part 4's Shakespeare model to the full course vocabulary this way.
     */
    public Gpt withVocab(int newVocab, Rng rng) {
        int old = cfg.vocab(), d = cfg.dim();
        if (newVocab < old) {
            throw new IllegalArgumentException("cannot shrink the vocabulary from " + old + " to " + newVocab
                    + " ids: the model would lose the tokens it learned");
        }
        Gpt grown = new Gpt(cfg.withVocab(newVocab), rng);
        java.util.Map<String, Tensor> mine = namedParameters();
        java.util.Map<String, float[]> values = new java.util.LinkedHashMap<>();
        grown.namedParameters().forEach((name, t) -> values.put(name, t.toArray()));
        for (var e : mine.entrySet()) {
            float[] src = e.getValue().toArray(), dst = values.get(e.getKey());
            switch (e.getKey()) {
                case "tokens.weight" -> System.arraycopy(src, 0, dst, 0, old * d); // rows [vocab, d]
                case "head.weight" -> { // [d, vocab]: the first `old` entries of each row
                    for (int r = 0; r < d; r++) System.arraycopy(src, r * old, dst, r * newVocab, old);
                }
                case "head.bias" -> System.arraycopy(src, 0, dst, 0, old);
                default -> System.arraycopy(src, 0, dst, 0, src.length);
            }
        }
        grown.load(values);
        return grown;
    }

    /**
     * The fixed positional encoding: pe[p, 2i] = sin(p / 10000^(2i/d)), pe[p, 2i+1] = cos(same angle).
     */
    public static float[] sinusoid(int positions, int dim) {
        float[] pe = new float[positions * dim];
        for (int p = 0; p < positions; p++) {
            for (int i = 0; i < dim; i += 2) {
                double angle = p * Math.exp(-Math.log(10000.0) * i / dim);
                pe[p * dim + i] = (float) Math.sin(angle);
                if (i + 1 < dim) pe[p * dim + i + 1] = (float) Math.cos(angle);
            }
        }
        return pe;
    }

    /** Logits [batch, t, vocab] for token ids [batch, t] (row-major in {@code ids}), t ≤ context. */
    public Tensor forward(int[] ids, int batch, int t) {
        if (t > cfg.context()) {
            throw new IllegalArgumentException("sequence of " + t + " tokens is longer than the model's context of "
                    + cfg.context() + "; crop it to the last " + cfg.context());
        }
        if (ids.length != batch * t) {
            throw new IllegalArgumentException("expected " + batch + "×" + t + " ids, got " + ids.length);
        }
        Tensor pos = t == cfg.context() ? positions : positions.slice(0, t);
        Tensor x = drop.forward(tokens.forward(ids, batch, t).add(pos));
        for (TransformerBlock b : blocks) x = b.forward(x);
        return head.forward(lnFinal.forward(x));
    }
}
