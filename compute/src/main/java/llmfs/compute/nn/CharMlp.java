package llmfs.compute.nn;

import llmfs.compute.Rng;
import llmfs.compute.Tensor;

/**
 * The model of Parts 1–3: embed each of the {@code block} context tokens, concatenate the vectors, one tanh hidden
 * layer, then logits over the vocabulary. With vocab 27, block 5, emb 8, hidden 256 it has 17,651 parameters.
 */
public final class CharMlp extends Module {
    public final int vocab;
    public final int block;
    public final int embDim;
    public final int hiddenSize;
    public final Embedding emb;
    public final Linear hidden;
    public final Linear output;

    public CharMlp(int vocab, int block, int embDim, int hiddenSize, Rng rng) {
        this.vocab = vocab;
        this.block = block;
        this.embDim = embDim;
        this.hiddenSize = hiddenSize;
        this.emb = child("emb", new Embedding(vocab, embDim, rng));
        this.hidden = child("hidden", new Linear(block * embDim, hiddenSize, rng));
        this.output = child("output", new Linear(hiddenSize, vocab, rng));
    }

    /**
     * Logits {@code [batch, vocab]} for {@code batch} contexts stored row-major in {@code x} ({@code batch*block}
     * token ids).
     */
    public Tensor forward(int[] x, int batch) {
        if (x.length != batch * block) {
            throw new IllegalArgumentException("CharMlp.forward: expected " + batch + " contexts of " + block
                    + " ids (" + batch * block + " in all), got " + x.length);
        }
        Tensor e = emb.forward(x, batch, block);          // [B, block, emb]
        Tensor h = hidden.forward(e.view(batch, block * embDim)).tanh(); // [B, hidden]
        return output.forward(h);                          // [B, vocab]
    }
}
