package llmfs.tui.widgets;

/**
 * Makes short labels such as tokens visible: a space or newline token would otherwise draw as nothing.
 */
public final class TokenText {

    private TokenText() {
    }

    /**
     * Replaces whitespace and control characters with visible stand-ins: space as {@code ␣} ({@code _} in
     * ASCII), newline as {@code ↵} ({@code \n} in ASCII), tab as {@code →} ({@code \t}); other text is folded
     * to ASCII when {@code unicode} is false.
     *
     * @param label   the label
     * @param unicode whether non-ASCII glyphs may be used
     * @return the visible form (never empty: an empty label becomes {@code ∅} or {@code {}})
     */
    public static String visible(String label, boolean unicode) {
        if (label.isEmpty()) {
            return unicode ? "\u2205" : "{}";
        }
        StringBuilder sb = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); ) {
            int cp = label.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case ' ' -> sb.append(unicode ? "\u2423" : "_");
                case '\n' -> sb.append(unicode ? "\u21B5" : "\\n");
                case '\t' -> sb.append(unicode ? "\u2192" : "\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (Character.isISOControl(cp)) {
                        sb.append(String.format("\\x%02x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        }
        return AsciiFold.text(sb.toString(), unicode);
    }
}
