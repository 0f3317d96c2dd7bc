package llmfs.compute.text;

/**
 * The one character vocabulary of Parts 4–7, so a checkpoint of one part can be loaded by the next (pretrain on
 * Shakespeare, then instruction-tune, then align).
 *
 * <p>Ids 0–64 are Tiny Shakespeare's 65 characters in sorted order: exactly Part 2's vocabulary, so Part 4's GPT on
 * Shakespeare alone uses the first {@value #SHAKESPEARE_SIZE} ids and keeps the course's parameter count. Ids 65–95
 * are the other printable ASCII characters (digits, brackets, operators: what instructions and Java code need), in
 * ascending order. The last id is {@link #END}, the end-of-text marker that closes an answer or a method.
 */
public final class CourseVocab {
    private CourseVocab() {}

    /** End of text: a control character no corpus contains, so it can only come from the training data's framing. */
    public static final char END = '\u0003';

    /** How many ids Tiny Shakespeare's characters take (they come first). */
    public static final int SHAKESPEARE_SIZE = 65;

    private static final String SHAKESPEARE =
            "\n !$&',-.3:;?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final CharVocab FULL = CharVocab.ofChars(build());
    private static final CharVocab PREFIX = CharVocab.ofChars(SHAKESPEARE);

    private static String build() {
        StringBuilder sb = new StringBuilder(SHAKESPEARE);
        for (char c = ' '; c <= '~'; c++) if (SHAKESPEARE.indexOf(c) < 0) sb.append(c);
        return sb.append(END).toString();
    }

    /** All 97 characters: Shakespeare's, the rest of printable ASCII, then {@link #END}. */
    public static CharVocab full() {
        return FULL;
    }

    /** The first {@value #SHAKESPEARE_SIZE} ids only (Part 4's model on Tiny Shakespeare). */
    public static CharVocab shakespeare() {
        return PREFIX;
    }

    /** The id of {@link #END} in {@link #full()}. */
    public static int endId() {
        return FULL.size() - 1;
    }

    /**
     * Text made encodable: CR LF and lone CR become LF, a tab becomes four spaces, and any other character outside
     * the vocabulary becomes '?'. Used on text a learner types (chat prompts), never on training data, which is
     * checked to be clean instead.
     */
    public static String normalize(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                sb.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            } else if (c == '\t') {
                sb.append("    ");
            } else if (c != END && FULL.contains(c)) {
                sb.append(c);
            } else {
                sb.append('?');
            }
        }
        return sb.toString();
    }
}
