package llmfs.compute.sample;

import llmfs.compute.Rng;
import llmfs.compute.Tape;
import llmfs.compute.nn.CharMlp;

/**
 * Generation with a {@link CharMlp}: feed the last {@code block} ids, sample the next one, slide the window, repeat.
 */
public final class MlpSampler {
    private MlpSampler() {}

    /**
     * A name: start from a context of all end markers (id 0), stop when the marker is sampled again or after
     * {@code maxLen} characters. Returns the ids without the final marker.
     */
    public static int[] name(CharMlp model, Sampler.Settings s, int maxLen, Rng rng) {
        int[] ctx = new int[model.block];
        int[] out = new int[maxLen];
        int n = 0;
        try (var off = Tape.noGrad()) {
            while (n < maxLen) {
                int next = Sampler.sample(model.forward(ctx, 1).toArray(), s, rng);
                if (next == 0) break;
                out[n++] = next;
                slide(ctx, next);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Continues {@code context} (exactly {@code block} ids, already padded) by {@code length} sampled ids.
     */
    public static int[] continueFrom(CharMlp model, int[] context, int length, Sampler.Settings s, Rng rng) {
        if (context.length != model.block) {
            throw new IllegalArgumentException("context must have " + model.block + " ids, got " + context.length);
        }
        int[] ctx = context.clone();
        int[] out = new int[length];
        try (var off = Tape.noGrad()) {
            for (int i = 0; i < length; i++) {
                out[i] = Sampler.sample(model.forward(ctx, 1).toArray(), s, rng);
                slide(ctx, out[i]);
            }
        }
        return out;
    }

    /** Drops the oldest id and appends {@code next}. */
    public static void slide(int[] ctx, int next) {
        System.arraycopy(ctx, 1, ctx, 0, ctx.length - 1);
        ctx[ctx.length - 1] = next;
    }
}
