/**
 * Exercise 4.7 — counting a GPT's parameters.
 *
 * Count what is learned, layer by layer (weights in the tutor are stored [in, out]):
 *   - attention: one fused projection to queries, keys and values, d × 3d, and the output projection d × d, both
 *     WITHOUT biases;
 *   - feed-forward: d × 4d plus 4d biases, then 4d × d plus d biases;
 *   - two LayerNorms per block, each a gamma and a beta of width d.
 * The whole model adds a token embedding (vocab × d), a final LayerNorm (2d) and the output layer (d × vocab plus
 * vocab biases). The sinusoidal positions are computed, not learned: they count for nothing.
 * With vocab 65, d 128, 3 layers the course's model has 610,241 parameters.
 *
 * Check with `c` in the tutor (or `bin/tutor check 4.7`); `h` shows a hint.
 */
public final class GptParams {

    /** Parameters of one transformer block of width d. */
    public static long block(long d) {
        long attention = d * 3 * d + 3 * d + d * d + d;
        long feedForward = d * 4 * d + 4 * d + 4 * d * d + d;
        long norms = 2 * (2 * d);
        return attention + feedForward + norms;
    }

    /** Parameters of the whole GPT; {@code context} is the number of positions it can see. */
    public static long total(long vocab, long d, long layers, long context) {
        long embedding = vocab * d;
        long head = d * vocab + vocab;
        long finalNorm = 2 * d;
        return embedding + layers * block(d) + finalNorm + head;
    }
}
