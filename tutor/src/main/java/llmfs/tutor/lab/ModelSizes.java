package llmfs.tutor.lab;

import java.util.Locale;

/**
 * The sizes of a lab's MLP that a learner may change: the context length ({@code block}), the embedding width
 * ({@code emb}) and the hidden layer ({@code hidden}). A null field keeps the lab's (the course's) value.
 *
 * <p>The limits keep a run within the tutor's 2 GB heap and within what trains in reasonable time on a CPU: the
 * first layer's weight matrix (block·emb × hidden) is capped at {@value #MAX_FIRST_LAYER} numbers (the optimiser
 * keeps three more copies of every weight).
 */
public record ModelSizes(Integer block, Integer emb, Integer hidden) {
    public static final ModelSizes DEFAULT = new ModelSizes(null, null, null);
    /** Names are short (the longest is under 20 characters), so a longer context only sees padding. */
    public static final int NAMES_MAX_BLOCK = 32;
    public static final int TEXT_MAX_BLOCK = 256;
    public static final int MAX_EMB = 512;
    public static final int MAX_HIDDEN = 4096;
    public static final long MAX_FIRST_LAYER = 16L << 20;

    public boolean isDefault() {
        return block == null && emb == null && hidden == null;
    }

    /**
     * Checks the sizes against the limits, with the lab's values standing in for null fields.
     *
     * @return this
     * @throws IllegalArgumentException one sentence naming the option, the value and the allowed range
     */
    public ModelSizes validate(int labBlock, int labEmb, int labHidden, int maxBlock) {
        range("--block", block, maxBlock, "characters or tokens of context");
        range("--emb", emb, MAX_EMB, "numbers per embedding");
        range("--hidden", hidden, MAX_HIDDEN, "hidden units");
        long b = block != null ? block : labBlock, e = emb != null ? emb : labEmb, h = hidden != null ? hidden : labHidden;
        if (b * e * h > MAX_FIRST_LAYER) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "block %d × emb %d × hidden %d is too big:"
                    + " the first layer would have %,d weights, and the limit is %,d (about 16 million); make one of"
                    + " them smaller", b, e, h, b * e * h, MAX_FIRST_LAYER));
        }
        return this;
    }

    private static void range(String option, Integer value, int max, String what) {
        if (value != null && (value < 1 || value > max)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be between 1 and %d (%s), got %d",
                    option, max, what, value));
        }
    }

    public int blockOr(int lab) {
        return block != null ? block : lab;
    }

    public int embOr(int lab) {
        return emb != null ? emb : lab;
    }

    public int hiddenOr(int lab) {
        return hidden != null ? hidden : lab;
    }

    /** "block 8 · emb 16 · hidden 256" with the lab's values for null fields. */
    public String describe(int labBlock, int labEmb, int labHidden) {
        return "block " + (block != null ? block : labBlock) + " · emb " + (emb != null ? emb : labEmb) + " · hidden "
                + (hidden != null ? hidden : labHidden);
    }
}
