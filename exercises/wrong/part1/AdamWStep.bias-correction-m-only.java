/**
 * Exercise 1.6 — one AdamW update.
 *
 * For every parameter p with gradient g, at step t (counting from 1):
 *   p = p - lr * weightDecay * p                      decoupled weight decay: shrink the weight itself
 *   m = beta1 * m + (1 - beta1) * g                    running mean of gradients
 *   v = beta2 * v + (1 - beta2) * g * g                running mean of squared gradients
 *   mHat = m / (1 - beta1^t),  vHat = v / (1 - beta2^t) bias correction: m and v start at 0
 *   p = p - lr * mHat / (sqrt(vHat) + eps)
 * Update p, m and v in place.
 */
public final class AdamWStep {

    public static void step(float[] p, float[] g, float[] m, float[] v, int t,
                            float lr, float beta1, float beta2, float eps, float weightDecay) {
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < p.length; i++) {
            p[i] -= lr * weightDecay * p[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            double mHat = m[i] / c1;
            double vHat = v[i];
            p[i] -= (float) (lr * mHat / (Math.sqrt(vHat) + eps));
        }
    }
}
