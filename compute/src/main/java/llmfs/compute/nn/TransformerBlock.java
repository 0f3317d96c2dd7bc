package llmfs.compute.nn;

import llmfs.compute.Rng;
import llmfs.compute.Tensor;

/**
 * A pre-norm transformer block: x + Dropout(Attention(LN(x))), then x + Dropout(FFN(LN(x))) with a 4× wide GELU
 * feed-forward layer. 12·d² + 9·d parameters.
 */
public final class TransformerBlock extends Module {
    public final LayerNorm ln1;
    public final CausalSelfAttention attn;
    public final LayerNorm ln2;
    public final Linear fc;
    public final Linear proj;
    private final Dropout drop1;
    private final Dropout drop2;

    public TransformerBlock(int dim, int heads, float dropout, Rng rng) {
        this.ln1 = child("ln1", new LayerNorm(dim));
        this.attn = child("attn", new CausalSelfAttention(dim, heads, rng));
        this.ln2 = child("ln2", new LayerNorm(dim));
        this.fc = child("fc", new Linear(dim, 4 * dim, rng));
        this.proj = child("proj", new Linear(4 * dim, dim, rng));
        this.drop1 = child("drop1", new Dropout(dropout, rng));
        this.drop2 = child("drop2", new Dropout(dropout, rng));
    }

    public Tensor forward(Tensor x) {
        x = x.add(drop1.forward(attn.forward(ln1.forward(x))));
        return x.add(drop2.forward(proj.forward(fc.forward(ln2.forward(x)).gelu())));
    }
}
