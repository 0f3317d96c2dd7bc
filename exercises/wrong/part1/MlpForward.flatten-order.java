import llmfs.compute.Tensor;

/**
 * Exercise 1.3 — the MLP's forward pass.
 *
 * For a batch of contexts (batch rows of block ids, stored one after another in {@code contexts}):
 *   1. look up each id's embedding:          [batch, block, emb]
 *   2. put each row's vectors side by side:  [batch, block * emb]
 *   3. hidden layer:  tanh(x · w1 + b1)       [batch, hidden]
 *   4. output layer:  h · w2 + b2             [batch, vocab]   (the logits)
 * Shapes of the parameters: emb [vocab, emb], w1 [block*emb, hidden], b1 [hidden], w2 [hidden, vocab], b2 [vocab].
 * Use Tensor operations only, so that gradients flow back to every parameter.
 */
public final class MlpForward {

    public static Tensor logits(Tensor emb, Tensor w1, Tensor b1, Tensor w2, Tensor b2,
                                int[] contexts, int batch, int block) {
        Tensor e = Tensor.embedding(emb, contexts, batch, block);
        Tensor x = e.transpose(1, 2).view(batch, -1);
        Tensor h = x.matmul(w1).add(b1).tanh();
        return h.matmul(w2).add(b2);
    }
}
