package llmfs.compute;

import llmfs.compute.backend.Backend;

/**
 * log σ(x), computed stably as −softplus(−x) = min(x, 0) − log(1 + e^−|x|), with derivative σ(−x). DPO's loss is
 * −log σ(margin); written as log(sigmoid(x)) it becomes −∞ once σ underflows, and written with relu and abs its
 * gradient at x = 0 — exactly where DPO starts, policy equal to reference — would be wrong.
 *
 * <p>Host-side: the input is one number per preference pair.
 */
final class LogSigmoidOp {
    private LogSigmoidOp() {}

    static Tensor logSigmoid(Tensor x) {
        Backend be = x.backend();
        float[] v = x.toArray();
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) logSigmoid((double) v[i]);
        Tensor y = new Tensor(be.upload(out, 0, out.length), x.shape());
        Tape.record(y, o -> {
            float[] g = new float[v.length];
            be.download(o.grad, 0, g, 0, v.length);
            float[] dx = new float[v.length];
            for (int i = 0; i < v.length; i++) dx[i] = (float) (g[i] * sigmoid(-(double) v[i]));
            be.axpy(1f, be.upload(dx, 0, dx.length), 0, x.gradBuffer(), 0, dx.length);
        }, x);
        return y;
    }

    static double logSigmoid(double x) {
        return Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x)));
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
