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
 *
 * Check with `c` in the tutor (or `bin/tutor check 7.2`); `h` shows a hint.
 */
public final class ClipGradNorm {

    /** Scales {@code grads} in place so their global L2 norm is at most {@code maxNorm}; returns the norm before. */
    public static double clip(float[][] grads, double maxNorm) {
        // TODO: 1. sum the squares of every element of every tensor (in a double), take the square root
        //       2. if that norm is above maxNorm, multiply every element by maxNorm / norm
        //       3. return the norm from step 1
        throw new IllegalStateException("TODO: measure the global norm of all gradients together and scale them down to maxNorm");
    }
}
