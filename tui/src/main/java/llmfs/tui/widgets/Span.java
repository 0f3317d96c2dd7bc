package llmfs.tui.widgets;

import java.util.Objects;

/**
 * A run of text in one style.
 *
 * @param text the text (one cell per code point)
 * @param role its role
 * @param bold whether it is bold
 */
public record Span(String text, Role role, boolean bold) {

    /** Validates that text and role are present. */
    public Span {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(role, "role");
    }

    /**
     * @param text the text
     * @param role its role
     * @return a span that is not bold
     */
    public static Span of(String text, Role role) {
        return new Span(text, role, false);
    }

    /** @return the number of cells the text takes */
    public int width() {
        return text.codePointCount(0, text.length());
    }
}
