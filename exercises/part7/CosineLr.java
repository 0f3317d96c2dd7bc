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
 *
 * Check with `c` in the tutor (or `bin/tutor check 7.1`); `h` shows a hint.
 */
public final class CosineLr {

    /** The learning rate for step {@code step}; 0 <= warmup <= total, 0 <= floor <= peak. */
    public static double lr(long step, double peak, double floor, long warmup, long total) {
        // TODO: if step < warmup, return the warm-up value; otherwise compute p (as a double, at most 1) and return
        //       floor plus half the gap times (1 + cos(pi * p)). When warmup == total there is no decay: use p = 1.
        throw new IllegalStateException("TODO: warm up linearly to the peak, then follow half a cosine down to the floor");
    }
}
