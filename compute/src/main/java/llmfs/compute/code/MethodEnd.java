package llmfs.compute.code;

/**
 * Where a Java method ends: the closing brace that matches its first opening brace, with braces inside string
 * literals, character literals, line comments and block comments ignored.
 *
 * <p>This is the stop rule of Part 7's sampler and test bench. Cutting a completion at the method's own closing brace
 * is what keeps a half-written next method out of the code that gets compiled (the original course ran everything the
 * model produced and failed on the truncated tail). Text blocks ({@code """}) are not recognised; the corpus has none.
 *
 * <p>A {@code MethodEnd} is also an incremental scanner: feed it characters one at a time with {@link #accept(char)},
 * so generation can stop the moment the method closes.
 */
public final class MethodEnd {
    private enum State { CODE, SLASH, LINE_COMMENT, BLOCK_COMMENT, BLOCK_STAR, STRING, STRING_ESCAPE, CHAR, CHAR_ESCAPE }

    private State state = State.CODE;
    private int depth;
    private boolean opened;
    private boolean closed;

    /**
     * Reads one more character.
     *
     * @return true when this character is the brace that closes the first block (and for every character after it)
     */
    public boolean accept(char c) {
        if (closed) return true;
        switch (state) {
            case SLASH -> {
                if (c == '/') state = State.LINE_COMMENT;
                else if (c == '*') state = State.BLOCK_COMMENT;
                else {
                    state = State.CODE;
                    return code(c);
                }
            }
            case LINE_COMMENT -> {
                if (c == '\n') state = State.CODE;
            }
            case BLOCK_COMMENT -> {
                if (c == '*') state = State.BLOCK_STAR;
            }
            case BLOCK_STAR -> {
                if (c == '/') state = State.CODE;
                else if (c != '*') state = State.BLOCK_COMMENT;
            }
            case STRING -> {
                if (c == '\\') state = State.STRING_ESCAPE;
                else if (c == '"' || c == '\n') state = State.CODE; // a line break ends a broken literal: resynchronise
            }
            case STRING_ESCAPE -> state = State.STRING;
            case CHAR -> {
                if (c == '\\') state = State.CHAR_ESCAPE;
                else if (c == '\'' || c == '\n') state = State.CODE;
            }
            case CHAR_ESCAPE -> state = State.CHAR;
            case CODE -> {
                return code(c);
            }
        }
        return false;
    }

    private boolean code(char c) {
        switch (c) {
            case '/' -> state = State.SLASH;
            case '"' -> state = State.STRING;
            case '\'' -> state = State.CHAR;
            case '{' -> {
                depth++;
                opened = true;
            }
            case '}' -> {
                if (depth > 0) depth--;
                if (opened && depth == 0) closed = true;
            }
            default -> { }
        }
        return closed;
    }

    /** Reads every character of {@code text}; true when the first block has closed. */
    public boolean acceptAll(CharSequence text) {
        for (int i = 0; i < text.length(); i++) accept(text.charAt(i));
        return closed;
    }

    /** True once the first block's closing brace has been read. */
    public boolean closed() {
        return closed;
    }

    /** How many blocks are open right now. */
    public int depth() {
        return depth;
    }

    /** The index of the brace that closes the first opening brace of {@code code}, or -1 if it never closes. */
    public static int end(CharSequence code) {
        MethodEnd m = new MethodEnd();
        for (int i = 0; i < code.length(); i++) {
            if (m.accept(code.charAt(i))) return i;
        }
        return -1;
    }

    /** The index of the first opening brace outside comments and literals, or -1. */
    public static int firstOpenBrace(CharSequence code) {
        MethodEnd m = new MethodEnd();
        for (int i = 0; i < code.length(); i++) {
            m.accept(code.charAt(i));
            if (m.opened) return i;
        }
        return -1;
    }

    /** {@code code} up to and including the method's closing brace, or all of it when the method never closes. */
    public static String cut(String code) {
        int e = end(code);
        return e < 0 ? code : code.substring(0, e + 1);
    }
}
