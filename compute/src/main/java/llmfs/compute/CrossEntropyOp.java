package llmfs.compute;

import llmfs.compute.backend.Backend;
import llmfs.compute.backend.Buffer;

/** Fused, numerically stable softmax + negative log-likelihood, averaged over counted rows. */
final class CrossEntropyOp {
    private CrossEntropyOp() {}

    static Tensor crossEntropy(Tensor logits, int[] targets, int ignoreIndex) {
        Backend be = logits.backend();
        int[] s = logits.shape();
        int cols = Shape.last(s), rows = Shape.rows(s);
        if (targets.length != rows) {
            throw new IllegalArgumentException("crossEntropy: logits " + Shape.str(s) + " have " + rows
                    + " rows of " + cols + " classes, but " + targets.length + " targets were given (one per row)");
        }
        int count = 0;
        for (int i = 0; i < rows; i++) {
            int t = targets[i];
            if (t == ignoreIndex) continue;
            if (t < 0 || t >= cols) {
                throw new IllegalArgumentException("crossEntropy: target " + t + " at row " + i
                        + " is not a class index in 0.." + (cols - 1));
            }
            count++;
        }
        int[] tg = targets.clone();
        Buffer probs = be.allocate(rows * cols);
        Tensor loss = Tensor.result(be);
        be.crossEntropy(logits.data, tg, rows, cols, ignoreIndex, probs, loss.data);
        int counted = count;
        Tape.record(loss, o -> {
            if (counted == 0) return;
            float[] g = new float[1];
            be.download(o.grad, 0, g, 0, 1);
            be.crossEntropyBackward(probs, tg, rows, cols, ignoreIndex, g[0] / counted, logits.gradBuffer());
        }, logits);
        return loss;
    }
}
