import llmfs.compute.Tensor;
import llmfs.compute.nn.CausalSelfAttention;
import llmfs.compute.nn.LayerNorm;
import llmfs.compute.nn.Linear;

/**
 * Exercise 4.6 — the pre-norm transformer block.
 *
 * A block has two sub-layers, each wrapped the same way: normalise a copy of the stream, transform it, and ADD the
 * result back to the stream (a residual connection). The stream itself is never normalised in place, so gradients
 * flow straight through the additions from the loss to the first layer.
 *
 *   x = x + attn(ln1(x))
 *   x = x + proj(gelu(fc(ln2(x))))      (the feed-forward layer: width d -> 4d -> d)
 *
 * Use the Tensor methods (add, gelu) and the layers' forward methods, so autograd records everything: the check
 * compares your output AND the gradients of x and of every weight with the reference block.
 *
 * Check with `c` in the tutor (or `bin/tutor check 4.6`); `h` shows a hint.
 */
public final class PreNormBlock {

    /** One pre-norm block applied to x [B, T, d]. */
    public static Tensor forward(Tensor x, LayerNorm ln1, CausalSelfAttention attn, LayerNorm ln2, Linear fc,
                                 Linear proj) {
        x = ln1.forward(x.add(attn.forward(x)));
        return ln2.forward(x.add(proj.forward(fc.forward(x).gelu())));
    }
}
