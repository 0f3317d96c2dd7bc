package llmfs.compute;

import llmfs.compute.backend.Backend;

/**
 * log p(target) per row of a logits matrix: the building block of a sequence's log-probability (DPO needs one
 * number per sequence, not cross-entropy's mean over the batch). Rows whose target is the ignore index give 0 and no
 * gradient, which is how padding and prompt tokens are masked out.
 *
 * <p>Computed on the host in double precision: the rows are few (a batch of sequences), and a log-softmax taken in
 * float from probabilities would underflow for the very unlikely tokens a rejected answer is made of.
 */
final class TokenLogProbOp {
    private TokenLogProbOp() {}

    static Tensor logProbs(Tensor logits, int[] targets, int ignoreIndex) {
        Backend be = logits.backend();
        int[] s = logits.shape();
        int cols = Shape.last(s), rows = Shape.rows(s);
        if (targets.length != rows) {
            throw new IllegalArgumentException("tokenLogProbs: logits " + Shape.str(s) + " have " + rows
                    + " rows of " + cols + " classes, but " + targets.length + " targets were given (one per row)");
        }
        for (int i = 0; i < rows; i++) {
            int t = targets[i];
            if (t != ignoreIndex && (t < 0 || t >= cols)) {
                throw new IllegalArgumentException("tokenLogProbs: target " + t + " at row " + i
                        + " is not a class index in 0.." + (cols - 1) + " (nor the ignore index " + ignoreIndex + ")");
            }
        }
        int[] tg = targets.clone();
        float[] x = logits.toArray();
        float[] out = new float[rows];
        // Softmax rows, kept for the backward pass (only for counted rows).
        float[] probs = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            if (tg[r] == ignoreIndex) continue;
            int o = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) max = Math.max(max, x[o + c]);
            double sum = 0;
            for (int c = 0; c < cols; c++) sum += Math.exp(x[o + c] - max);
            double logZ = max + Math.log(sum);
            out[r] = (float) (x[o + tg[r]] - logZ);
            for (int c = 0; c < cols; c++) probs[o + c] = (float) Math.exp(x[o + c] - logZ);
        }
        Tensor y = new Tensor(be.upload(out, 0, rows), rows);
        Tape.record(y, o -> {
            float[] g = new float[rows];
            be.download(o.grad, 0, g, 0, rows);
            float[] dx = new float[rows * cols];
            for (int r = 0; r < rows; r++) {
                if (tg[r] == ignoreIndex || g[r] == 0f) continue;
                int off = r * cols;
                // d log p_t / d x_c = [c == t] − p_c
                for (int c = 0; c < cols; c++) dx[off + c] = -g[r] * probs[off + c];
                dx[off + tg[r]] += g[r];
            }
            be.axpy(1f, be.upload(dx, 0, dx.length), 0, logits.gradBuffer(), 0, dx.length);
        }, logits);
        return y;
    }
}
