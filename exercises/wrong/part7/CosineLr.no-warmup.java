/**
 * Exercise 7.1 — a cosine learning-rate schedule with linear warm-up.
 *
 * For optimiser step s (counting from 0), with W warm-up steps and T steps in the whole run:
 *
 *   warm-up, s < W:   lr = peak * (s + 1) / W                   (rises in W equal steps, reaching peak at s = W - 1)
 *   decay,   s >= W:  p  = min(1, (s - W) / (T - W))             (0 at the end of warm-up, 1 at step T and after)
 *                     lr = floor + 0.5 * (peak - floor) * (1 + cos(pi * p))
 *
 * With W = 0 and floor = 0 this is exactly the course's CosineAnnealingLR: 0.5 * peak * (1 + cos(pi * s / T)).
 * Divide in double, not in long: (s - W) / (T - W) in long arithmetic is 0 until the very last step.
 */
public final class CosineLr {

    /** The learning rate for step {@code step}; 0 <= warmup <= total, 0 <= floor <= peak. */
    public static double lr(long step, double peak, double floor, long warmup, long total) {
        double p = Math.min(1.0, (double) step / total);
        return floor + 0.5 * (peak - floor) * (1 + Math.cos(Math.PI * p));
    }
}
