package llmfs.tui.widgets;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrapping of styled text: words move to the next line when they do not fit, runs of spaces
 * collapse to one, a {@code '\n'} forces a break, and a word longer than the whole width is broken into
 * pieces. A style change inside a word (as in {@code **bold**,}) does not split it. No line of the result is
 * wider than the width.
 */
final class TextWrap {

    private TextWrap() {
    }

    /**
     * @param spans the text, in styles
     * @param width the most cells a line may take, at least 1
     * @return the wrapped lines (at least one, possibly empty)
     */
    static List<StyledLine> wrap(List<Span> spans, int width) {
        return new Run(Math.max(1, width)).feed(spans).finish();
    }

    /** The state of one wrapping pass. */
    private static final class Run {
        private final int width;
        private final List<StyledLine> lines = new ArrayList<>();
        private final StringBuilder wordText = new StringBuilder();
        private final List<Span> wordStyles = new ArrayList<>();  // one entry per code point of the word
        private StyledLine.Builder line = new StyledLine.Builder();
        private Span space;   // style of the space before the next word, null while none was seen

        Run(int width) {
            this.width = width;
        }

        Run feed(List<Span> spans) {
            for (Span span : spans) {
                String t = span.text();
                for (int i = 0; i < t.length(); ) {
                    int cp = t.codePointAt(i);
                    i += Character.charCount(cp);
                    if (cp == '\n') {
                        placeWord();
                        breakLine();
                        space = null;
                    } else if (cp == ' ' || cp == '\t') {
                        placeWord();
                        if (space == null) {
                            space = span;
                        }
                    } else {
                        wordText.appendCodePoint(cp);
                        wordStyles.add(span);
                    }
                }
            }
            return this;
        }

        List<StyledLine> finish() {
            placeWord();
            lines.add(line.build());
            return lines;
        }

        private void placeWord() {
            int len = wordStyles.size();
            if (len == 0) {
                return;
            }
            if (line.width() > 0) {
                if (line.width() + 1 + len <= width) {
                    Span s = space == null ? Span.of(" ", Role.TEXT) : space;
                    line.append(" ", s.role(), s.bold());
                } else {
                    breakLine();
                }
            }
            int k = 0;
            for (int i = 0; i < wordText.length(); k++) {
                int cp = wordText.codePointAt(i);
                i += Character.charCount(cp);
                if (line.width() == width) {
                    breakLine();
                }
                Span s = wordStyles.get(k);
                line.appendCodePoint(cp, s.role(), s.bold());
            }
            wordText.setLength(0);
            wordStyles.clear();
            space = null;
        }

        private void breakLine() {
            lines.add(line.build());
            line = new StyledLine.Builder();
        }
    }
}
