import java.util.Arrays;
import java.util.TreeSet;

/**
 * Exercise 2.1 — a vocabulary for running text.
 *
 * Names needed a '.' marker for "start" and "end". Shakespeare is one long text, so there is no marker: the
 * vocabulary is simply every distinct character of the text, sorted by char value. Newline ('\n', 10) comes first,
 * then space (32), punctuation, digits, capitals and small letters. A character's id is its index in that array.
 *
 * Check with `c` in the tutor (or `bin/tutor check 2.1`); `h` shows a hint.
 */
public final class TextVocab {

    /** The distinct characters of {@code text}, sorted by char value (an empty text gives an empty array). */
    public static char[] alphabet(String text) {
        // TODO: put every character of the text into a TreeSet<Character> (no duplicates, sorted),
        //       then copy the set into a char[] in its iteration order.
        throw new IllegalStateException("TODO: collect the distinct characters of the text, sorted");
    }

    /**
     * The id of every character of {@code text}: its index in {@code alphabet} (which is sorted, as
     * {@link #alphabet} returns it). A character that is not in the alphabet gets {@code unknownId}.
     */
    public static int[] encode(String text, char[] alphabet, int unknownId) {
        // TODO: for each position i, find text.charAt(i) in the alphabet (Arrays.binarySearch works because the
        //       alphabet is sorted; it returns a negative number when the character is missing).
        throw new IllegalStateException("TODO: turn each character into its index in the alphabet (unknownId if absent)");
    }
}
