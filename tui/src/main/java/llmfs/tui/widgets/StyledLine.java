package llmfs.tui.widgets;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of styled text, as produced by {@link LineSource}s such as {@link MarkdownView}.
 *
 * @param spans the runs of text, left to right
 */
public record StyledLine(List<Span> spans) {

    /** A line with no text. */
    public static final StyledLine EMPTY = new StyledLine(List.of());

    /** Makes the span list immutable. */
    public StyledLine {
        spans = List.copyOf(spans);
    }

    /**
     * @param text text
     * @param role its role
     * @return a line made of one span
     */
    public static StyledLine of(String text, Role role) {
        return text.isEmpty() ? EMPTY : new StyledLine(List.of(Span.of(text, role)));
    }

    /** @return the number of cells the line takes */
    public int width() {
        int w = 0;
        for (Span s : spans) {
            w += s.width();
        }
        return w;
    }

    /** @return the text without styles */
    public String plainText() {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            sb.append(s.text());
        }
        return sb.toString();
    }

    /**
     * Cuts the line to at most {@code maxWidth} cells; if anything was cut, the last cells show {@code marker}.
     *
     * @param maxWidth   the most cells the result may take
     * @param marker     what to show where text was cut, e.g. an ellipsis; may be empty
     * @param markerRole the marker's role
     * @return this line if it fits, otherwise a shortened copy
     */
    public StyledLine truncate(int maxWidth, String marker, Role markerRole) {
        if (width() <= maxWidth) {
            return this;
        }
        int markerWidth = marker.codePointCount(0, marker.length());
        if (markerWidth > maxWidth) {
            marker = "";
            markerWidth = 0;
        }
        Builder b = new Builder();
        int keep = maxWidth - markerWidth;
        for (Span s : spans) {
            if (b.width() >= keep) {
                break;
            }
            int room = keep - b.width();
            String t = s.text();
            if (s.width() > room) {
                t = t.substring(0, t.offsetByCodePoints(0, room));
            }
            b.append(t, s.role(), s.bold());
        }
        b.append(marker, markerRole, false);
        return b.build();
    }

    /**
     * Accumulates text into a line, merging neighbouring text of the same style into one span.
     */
    public static final class Builder {
        private final List<Span> spans = new ArrayList<>();
        private final StringBuilder run = new StringBuilder();
        private Role runRole = Role.TEXT;
        private boolean runBold;
        private int width;

        /**
         * Appends text in a style.
         *
         * @param text   text
         * @param role   role
         * @param isBold bold flag
         * @return this builder
         */
        public Builder append(String text, Role role, boolean isBold) {
            if (text.isEmpty()) {
                return this;
            }
            if (run.length() > 0 && (role != runRole || isBold != runBold)) {
                flush();
            }
            runRole = role;
            runBold = isBold;
            run.append(text);
            width += text.codePointCount(0, text.length());
            return this;
        }

        /**
         * Appends one code point in a style.
         *
         * @param codePoint code point
         * @param role      role
         * @param isBold    bold flag
         * @return this builder
         */
        public Builder appendCodePoint(int codePoint, Role role, boolean isBold) {
            return append(new String(Character.toChars(codePoint)), role, isBold);
        }

        /**
         * Appends every span of a line.
         *
         * @param line the line
         * @return this builder
         */
        public Builder append(StyledLine line) {
            for (Span s : line.spans()) {
                append(s.text(), s.role(), s.bold());
            }
            return this;
        }

        /** @return the cells appended so far */
        public int width() {
            return width;
        }

        /** @return the line built so far */
        public StyledLine build() {
            flush();
            return spans.isEmpty() ? EMPTY : new StyledLine(spans);
        }

        private void flush() {
            if (run.length() > 0) {
                spans.add(new Span(run.toString(), runRole, runBold));
                run.setLength(0);
            }
        }
    }
}
