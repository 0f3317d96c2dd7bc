import java.util.Arrays;
import java.util.TreeSet;

/**
 * Exercise 2.1 — a vocabulary for running text.
 *
 * Names needed a '.' marker for "start" and "end". Shakespeare is one long text, so there is no marker: the
 * vocabulary is simply every distinct character of the text, sorted by char value. Newline ('\n', 10) comes first,
 * then space (32), punctuation, digits, capitals and small letters. A character's id is its index in that array.
 */
public final class TextVocab {

    /** The distinct characters of {@code text}, sorted by char value (an empty text gives an empty array). */
    public static char[] alphabet(String text) {
        TreeSet<Character> distinct = new TreeSet<>();
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) distinct.add(text.charAt(i));
        }
        char[] out = new char[distinct.size()];
        int k = 0;
        for (char c : distinct) out[k++] = c;
        return out;
    }

    /**
     * The id of every character of {@code text}: its index in {@code alphabet} (which is sorted, as
     * {@link #alphabet} returns it). A character that is not in the alphabet gets {@code unknownId}.
     */
    public static int[] encode(String text, char[] alphabet, int unknownId) {
        int[] ids = new int[text.length()];
        for (int i = 0; i < ids.length; i++) {
            int at = Arrays.binarySearch(alphabet, text.charAt(i));
            ids[i] = at >= 0 ? at : unknownId;
        }
        return ids;
    }
}
