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
        }
    }

    public final Config cfg;
    public final Embedding tokens;
    public final List<TransformerBlock> blocks = new ArrayList<>();
    public final LayerNorm lnFinal;
    public final Linear head;
    private final Dropout drop;
    private final Tensor positions;

    public Gpt(Config cfg, Rng rng) {
        this.cfg = cfg;
        this.tokens = child("tokens", new Embedding(cfg.vocab(), cfg.dim(), rng));
        this.drop = child("drop", new Dropout(cfg.dropout(), rng));
        for (int i = 0; i < cfg.layers(); i++) {
            blocks.add(child("blocks." + i, new TransformerBlock(cfg.dim(), cfg.heads(), cfg.dropout(), rng)));
        }
        this.lnFinal = child("lnFinal", new LayerNorm(cfg.dim()));
        this.head = child("head", new Linear(cfg.dim(), cfg.vocab(), rng));
        this.positions = Tensor.of(sinusoid(cfg.context(), cfg.dim()), cfg.context(), cfg.dim());
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
