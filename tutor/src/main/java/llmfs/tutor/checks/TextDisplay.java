package llmfs.tutor.checks;

/** How checks show text to the learner: characters that are hard to see (newline, tab, space) made visible. */
public final class TextDisplay {
    private TextDisplay() {
    }

    /** A Java-style string literal of {@code s}, cut after {@code max} characters with a count; "null" for null. */
    public static String quote(String s, int max) {
        if (s == null) return "null";
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < Math.min(s.length(), max); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> sb.append(c < 32 || c == 127 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        sb.append('"');
        if (s.length() > max) sb.append("… (").append(s.length()).append(" characters)");
        return sb.toString();
    }

    /**
     * One character on its own: {@code \n}, {@code \t}, {@code \r}, {@code ␣} for a space, {@code \u00e9} style
     * for anything outside printable ASCII, otherwise the character itself.
     */
    public static String visible(char c) {
        switch (c) {
            case '\n': return "\\n";
            case '\t': return "\\t";
            case '\r': return "\\r";
            case ' ': return "␣";
            default: return c < 32 || c > 126 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
        }
    }
}
