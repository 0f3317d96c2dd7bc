/**
 * Exercise 4.4 — sinusoidal positional encoding.
 *
 * Attention by itself does not know where a token is: shuffle the inputs and the outputs are shuffled the same way.
 * The model adds a fixed vector per position to each token's embedding. Column pairs (2i, 2i+1) are a sine and a
 * cosine of the same angle, with wavelengths growing geometrically from 2π to 10000·2π:
 *
 *   pe[p][2i]   = sin(p / 10000^(2i/d))
 *   pe[p][2i+1] = cos(p / 10000^(2i/d))
 *
 * So row 0 is 0, 1, 0, 1, ... and the first columns change fastest. d is even.
 *
 * Check with `c` in the tutor (or `bin/tutor check 4.4`); `h` shows a hint.
 */
public final class PositionalEncoding {

    /** The encoding for positions 0..positions−1, each a row of width dim. */
    public static float[][] table(int positions, int dim) {
        float[][] pe = new float[positions][dim];
        for (int p = 0; p < positions; p++) {
            for (int i = 0; i < dim; i += 2) {
                double angle = p / Math.pow(10000.0, 2.0 * i / dim);
                pe[p][i] = (float) Math.sin(angle);
                pe[p][i + 1] = (float) Math.cos(angle);
            }
        }
        return pe;
    }
}
