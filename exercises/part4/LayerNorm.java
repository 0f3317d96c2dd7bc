/**
 * Exercise 4.5 — layer normalisation.
 *
 * Each row (one position's vector) is normalised on its own: subtract the row's mean, divide by its standard
 * deviation, then scale and shift with the learned gamma and beta (one per column):
 *
 *   mean = (1/d) Σ x_j        var = (1/d) Σ (x_j − mean)²      (divide by d, not d − 1)
 *   y_j  = gamma_j · (x_j − mean) / sqrt(var + eps) + beta_j
 *
 * eps goes inside the square root. It keeps a constant row (var = 0) finite: that row becomes exactly beta.
 *
 * Check with `c` in the tutor (or `bin/tutor check 4.5`); `h` shows a hint.
 */
public final class LayerNorm {

    /** Each row of x normalised to mean 0 and variance 1, then scaled by gamma and shifted by beta. */
    public static float[][] forward(float[][] x, float[] gamma, float[] beta, float eps) {
        // TODO: per row: mean, variance (divide by d), then gamma[j] * (x - mean) / sqrt(var + eps) + beta[j].
        throw new IllegalStateException("TODO: normalise each row, then scale and shift");
    }
}
