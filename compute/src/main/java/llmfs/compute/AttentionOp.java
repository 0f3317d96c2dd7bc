package llmfs.compute;

import llmfs.compute.backend.Backend;
import llmfs.compute.backend.Buffer;

/** Fused causal scaled dot-product attention over independent heads, with backward. */
final class AttentionOp {
    private AttentionOp() {}

    /**
     * @param weightsOut if not null, receives a copy of the attention weights [heads, T, T] (for heatmaps)
     */
    static Tensor causal(Tensor q, Tensor k, Tensor v, float[][] weightsOut) {
        Backend be = Tensor.sameBackend("causalAttention", q, k, v);
        int[] s = q.shape();
        if (s.length < 2 || !Shape.same(s, k.shape()) || !Shape.same(s, v.shape())) {
            throw new IllegalArgumentException("causalAttention: q, k and v must have the same shape [..., T, D], got "
                    + Shape.str(s) + ", " + Shape.str(k.shape()) + ", " + Shape.str(v.shape()));
        }
        int t = s[s.length - 2], d = s[s.length - 1];
        int bh = q.numel() / (t * d);
        float scale = (float) (1.0 / Math.sqrt(d));
        Tensor out = Tensor.result(be, s);
        Buffer att = be.allocate(bh * t * t);
        be.causalAttention(q.data, k.data, v.data, att, out.data, bh, t, d, scale);
        if (weightsOut != null) {
            float[] w = new float[bh * t * t];
            be.download(att, 0, w, 0, w.length);
            weightsOut[0] = w;
        }
        Tape.record(out, o -> be.causalAttentionBackward(o.grad, q.data, k.data, v.data, att,
                q.requiresGrad() ? q.gradBuffer() : be.allocate(q.numel()),
                k.requiresGrad() ? k.gradBuffer() : be.allocate(k.numel()),
                v.requiresGrad() ? v.gradBuffer() : be.allocate(v.numel()), bh, t, d, scale), q, k, v);
        return out;
    }

    /**
     * Causal self-attention over {@code heads} heads straight from a fused projection {@code qkv} [B, T, 3·dim]
     * (queries, keys, values, each split into heads of dim/heads): the result is [B, T, dim] with the heads merged.
     *
     * @param weightsOut if not null, receives a copy of the attention weights [B·heads, T, T] (for heatmaps)
     */
    static Tensor causalSelf(Tensor qkv, int heads, float[][] weightsOut) {
        Backend be = qkv.backend();
        int[] s = qkv.shape();
        if (s.length != 3 || heads < 1 || s[2] % (3 * heads) != 0) {
            throw new IllegalArgumentException("causalSelfAttention: expected a fused projection [B, T, 3·dim] with dim"
                    + " divisible by " + heads + " heads, got " + Shape.str(s));
        }
        int b = s[0], t = s[1], dim = s[2] / 3, d = dim / heads;
        float scale = (float) (1.0 / Math.sqrt(d));
        Tensor out = Tensor.result(be, new int[]{b, t, dim});
        Buffer att = be.allocate(b * heads * t * t);
        be.causalSelfAttention(qkv.data, att, out.data, b, t, heads, d, scale);
        if (weightsOut != null) {
            float[] w = new float[b * heads * t * t];
            be.download(att, 0, w, 0, w.length);
            weightsOut[0] = w;
        }
        Tape.record(out, o -> be.causalSelfAttentionBackward(o.grad, qkv.data, att, qkv.gradBuffer(), b, t, heads,
                d, scale), qkv);
        return out;
    }
}
