import java.util.Arrays;

/**
 * Exercise 2.3 — the context for generating text from a prompt.
 *
 * The model always looks at exactly `block` ids. To continue a prompt such as "ROMEO:\n" we feed it the last
 * `block` characters of the prompt; a prompt shorter than that is padded on the LEFT with a filler character
 * (a space, say), so that the prompt's own characters sit right before the character to be predicted.
 * After each sampled id, the window slides one step: the oldest id leaves, the new one joins at the end.
 *
 *   context("ROMEO:", alphabet, 8, ' ')  ->  ids of "  ROMEO:"      (two pad ids, then the prompt)
 *   context("To be or not", alphabet, 4, ' ')  ->  ids of " not"   (only the last 4 characters)
 *   slide([5, 6, 7], 9)  ->  [6, 7, 9]
 */
public final class PromptContext {

    /**
     * The last {@code block} characters of {@code prompt} as ids, left-padded with the id of {@code pad} when the
     * prompt is shorter. Every character of the prompt, and the pad, is in the (sorted) alphabet.
     */
    public static int[] context(String prompt, char[] alphabet, int block, char pad) {
        int[] ids = new int[block];
        int used = Math.min(block, prompt.length());
        int from = prompt.length() - used;
        for (int k = 0; k < used; k++) ids[block - used + k] = id(prompt.charAt(from + k), alphabet);
        return ids;
    }

    /** A new array: {@code context} without its first id, with {@code next} appended. {@code context} is unchanged. */
    public static int[] slide(int[] context, int next) {
        int[] out = new int[context.length];
        System.arraycopy(context, 1, out, 0, context.length - 1);
        out[out.length - 1] = next;
        return out;
    }

    /** The id of {@code c}: its index in the sorted alphabet (solved in exercise 2.1). */
    static int id(char c, char[] alphabet) {
        int at = Arrays.binarySearch(alphabet, c);
        if (at < 0) {
            throw new IllegalArgumentException("character '" + c + "' is not in the alphabet " + Arrays.toString(alphabet));
        }
        return at;
    }
}
