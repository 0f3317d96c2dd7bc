import llmfs.compute.Rng;
import llmfs.compute.sample.Sampler;

import java.util.function.Function;

/**
 * Exercise 4.8 — generating text with a fixed context.
 *
 * The GPT has positions 0..context−1 only, so it can never be shown more than {@code context} tokens. To generate,
 * repeat maxNew times: take the LAST min(context, length) tokens of the sequence so far, ask the model for the
 * next-token logits, sample one token with the given temperature, and append it. The prompt stays at the front of
 * the result; at the start the window is shorter than the context (there is no padding).
 *
 * Sample with Sampler.sample(logits, Sampler.Settings.temperature(temperature), rng), exactly once per new token,
 * so the same seed gives the same text as the reference.
 *
 * Check with `c` in the tutor (or `bin/tutor check 4.8`); `h` shows a hint.
 */
public final class Generate {

    /** The prompt followed by maxNew sampled tokens. {@code model} maps a window of ids to the next-token logits. */
    public static int[] generate(Function<int[], float[]> model, int[] prompt, int maxNew, int context,
                                 float temperature, Rng rng) {
        int[] seq = java.util.Arrays.copyOf(prompt, prompt.length + maxNew);
        int len = prompt.length;
        for (int n = 0; n < maxNew; n++) {
            int from = Math.max(0, len - context);
            int[] window = java.util.Arrays.copyOfRange(seq, from, len);
            float[] logits = model.apply(window);
            seq[len++] = Sampler.sample(logits, Sampler.Settings.temperature(temperature), rng);
        }
        return java.util.Arrays.copyOfRange(seq, prompt.length, seq.length);
    }
}
