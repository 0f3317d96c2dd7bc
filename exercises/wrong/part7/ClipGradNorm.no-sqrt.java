/**
 * Exercise 7.2 — gradient clipping by the global norm.
 *
 * A model's gradient is many tensors, here one float[] each. Treat them as one long vector: its norm is
 *
 *   norm = sqrt(sum over every tensor t, every element i of grads[t][i]^2)
 *
 * If norm > maxNorm, multiply every element of every tensor by maxNorm / norm, so the whole gradient keeps its
 * direction and its norm becomes maxNorm. If norm <= maxNorm, change nothing. Return the norm measured before
 * clipping (training logs it: a norm that keeps hitting the limit says the learning rate is too high).
 * Scale in place; accumulate the sum in double.
 */
public final class ClipGradNorm {

    /** Scales {@code grads} in place so their global L2 norm is at most {@code maxNorm}; returns the norm before. */
    public static double clip(float[][] grads, double maxNorm) {
        double sumSquares = 0;
        for (float[] g : grads) {
            for (float v : g) {
                sumSquares += (double) v * v;
            }
        }
        double norm = sumSquares;
        if (norm > maxNorm) {
            double scale = maxNorm / norm;
            for (float[] g : grads) {
                for (int i = 0; i < g.length; i++) {
                    g[i] = (float) (g[i] * scale);
                }
            }
        }
        return norm;
    }
}
