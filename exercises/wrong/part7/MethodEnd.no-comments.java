/**
 * Exercise 7.3 — where does the generated method end?
 *
 * A code model does not stop by itself: after the method you asked for it happily starts the next one, and runs out
 * of budget half way through it. Compile that whole output and it fails, although the method you wanted was fine.
 * The cure is to cut the text at the method's own closing brace: count '{' as +1 and '}' as -1 from the first '{';
 * the method ends where the count comes back to 0.
 *
 * Braces that are not code must not count:
 *   - in string literals   "}"  and  "a \" } b"   (a backslash escapes the next character, so \" does not end it)
 *   - in char literals     '{'  and  '\''
 *   - in line comments     // }   (up to the end of the line)
 *   - in block comments    from a slash-star to the next star-slash, Javadoc included (Returns {@code x}.)
 *
 * Return the index of the '}' that closes the first '{', or -1 if the text ends before it closes.
 */
public final class MethodEnd {

    /** The index of the brace that closes the first code '{' of {@code code}, or -1. */
    public static int end(String code) {
        final int CODE = 0, STRING = 1, CHAR = 2, LINE_COMMENT = 3, BLOCK_COMMENT = 4;
        int state = CODE;
        int depth = 0;
        boolean opened = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            char next = i + 1 < code.length() ? code.charAt(i + 1) : '\0';
            if (state == CODE) {
                if (c == '"') {
                    state = STRING;
                } else if (c == '\'') {
                    state = CHAR;
                } else if (c == '{') {
                    depth++;
                    opened = true;
                } else if (c == '}' && opened) {
                    depth--;
                    if (depth == 0) {
                        return i;
                    }
                }
            } else if (state == STRING || state == CHAR) {
                char quote = state == STRING ? '"' : '\'';
                if (c == '\\') {
                    i++;
                } else if (c == quote || c == '\n') {
                    state = CODE;
                }
            } else if (state == LINE_COMMENT) {
                if (c == '\n') {
                    state = CODE;
                }
            } else if (c == '*' && next == '/') {
                state = CODE;
                i++;
            }
        }
        return -1;
    }
}
