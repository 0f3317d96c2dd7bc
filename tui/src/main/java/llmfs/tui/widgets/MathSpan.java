package llmfs.tui.widgets;

import org.commonmark.node.CustomNode;

/**
 * Inline maths ({@code $...$} or {@code $$...$$}) kept exactly as written, delimiters included, so that
 * {@code $a*b*c$} or {@code $x_{i}$} is not turned into emphasis.
 */
final class MathSpan extends CustomNode {

    private final String literal;

    MathSpan(String literal) {
        this.literal = literal;
    }

    /** @return the source text, dollar signs included */
    String literal() {
        return literal;
    }
}
