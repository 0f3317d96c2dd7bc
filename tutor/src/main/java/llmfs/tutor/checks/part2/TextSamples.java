package llmfs.tutor.checks.part2;

import llmfs.compute.Rng;
import llmfs.compute.data.Corpora;
import llmfs.tutor.checks.TextDisplay;

import java.util.TreeSet;

/** Inputs and displays shared by the Part 2 checks: random text with Shakespeare's kinds of characters. */
final class TextSamples {
    /** The corpus the Part 2 model trains on. */
    static final String SHAKESPEARE = "tinyshakespeare.txt";

    /** Letters of both cases, digits, punctuation, space and newline: what running text is made of. */
    private static final String POOL = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \n.,;:!?'-&$";

    private TextSamples() {
    }

    /** Text of {@code 0..maxLength} characters drawn from a random subset of {@link #POOL}. */
    static String randomText(Rng rng, int maxLength) {
        int k = 1 + rng.nextInt(20);
        StringBuilder chosen = new StringBuilder();
        for (int i = 0; i < k; i++) chosen.append(POOL.charAt(rng.nextInt(POOL.length())));
        int n = rng.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(chosen.charAt(rng.nextInt(chosen.length())));
        return sb.toString();
    }

    /** The whole of Tiny Shakespeare, verified against the project's checksums. */
    static String shakespeare() {
        return Corpora.locate().text(SHAKESPEARE);
    }

    /** The sorted distinct characters of {@code text}. */
    static char[] alphabet(String text) {
        TreeSet<Character> s = new TreeSet<>();
        for (int i = 0; i < text.length(); i++) s.add(text.charAt(i));
        char[] out = new char[s.size()];
        int k = 0;
        for (char c : s) out[k++] = c;
        return out;
    }

    /** Index of {@code c} in the sorted {@code alphabet}, or -1. */
    static int indexOf(char[] alphabet, char c) {
        int at = java.util.Arrays.binarySearch(alphabet, c);
        return at >= 0 ? at : -1;
    }

    /** {@code [\n   ! a b]  (5 characters)}; newline, tab and space are written so they can be seen. */
    static String show(char[] t) {
        if (t == null) return "null";
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < t.length; i++) sb.append(i == 0 ? "" : " ").append(TextDisplay.visible(t[i]));
        return sb.append("]  (").append(t.length).append(t.length == 1 ? " character)" : " characters)").toString();
    }

    /** {@code [3, 1, 4, … (40 values)]}. */
    static String ids(int[] a, int max) {
        if (a == null) return "null";
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(a.length, max); i++) sb.append(i == 0 ? "" : ", ").append(a[i]);
        if (a.length > max) sb.append(", … (").append(a.length).append(" values)");
        return sb.append(']').toString();
    }
}
