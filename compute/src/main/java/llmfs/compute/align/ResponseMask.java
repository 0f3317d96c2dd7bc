package llmfs.compute.align;

/**
 * Next-token targets for one formatted example, with the prompt masked out: SFT should learn to answer, not to
 * predict the questions (the original course trained on every character, template and question included).
 */
public final class ResponseMask {
    private ResponseMask() {}

    /** The target value that cross-entropy and {@code tokenLogProbs} skip. */
    public static final int IGNORE = -1;

    /**
     * Targets for inputs {@code ids[0 .. n-2]}: position i predicts {@code ids[i+1]}, kept only when that token is
     * part of the response (index ≥ {@code promptLength}), else {@link #IGNORE}.
     */
    public static int[] targets(int[] ids, int promptLength) {
        if (promptLength < 1 || promptLength > ids.length) {
            throw new IllegalArgumentException("prompt length " + promptLength + " must be within 1.." + ids.length);
        }
        int[] t = new int[ids.length - 1];
        for (int i = 0; i < t.length; i++) t[i] = i + 1 >= promptLength ? ids[i + 1] : IGNORE;
        return t;
    }
}
