package llmfs.tui.screens;

import llmfs.tui.widgets.AsciiFold;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.Role;

import java.util.ArrayList;
import java.util.List;

/** Word-wrapping and drawing of plain paragraphs for the screens. */
final class Text {
    private Text() {}

    /** Wraps {@code text} (which may contain newlines) to {@code width} columns. */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        if (width < 4) width = 4;
        for (String para : text.split("\n", -1)) {
            String indent = para.startsWith("  ") ? para.substring(0, para.length() - para.stripLeading().length()) : "";
            StringBuilder line = new StringBuilder();
            for (String word : para.strip().split(" +")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    out.add(line.toString());
                    line.setLength(0);
                    line.append(indent);
                } else if (line.length() > 0) {
                    line.append(' ');
                } else {
                    line.append(indent);
                }
                while (word.length() > width - indent.length()) { // a word longer than the line: cut it
                    int room = Math.max(1, width - line.length());
                    line.append(word, 0, Math.min(room, word.length()));
                    out.add(line.toString());
                    line.setLength(0);
                    word = word.substring(Math.min(room, word.length()));
                }
                line.append(word);
            }
            out.add(line.toString());
        }
        return out;
    }

    /** Draws wrapped text; returns the next free row. Text cut off at {@code maxY} ends in an ellipsis. */
    static int draw(Canvas c, Caps caps, int x, int y, int width, int maxY, String text, Role role, boolean bold) {
        List<String> lines = wrap(AsciiFold.text(text, caps.unicode()), width);
        String more = caps.unicode() ? "…" : "...";
        for (int i = 0; i < lines.size() && y < maxY; i++) {
            String line = lines.get(i);
            if (y == maxY - 1 && i < lines.size() - 1) {
                line = line.length() + more.length() <= width ? line + more
                        : line.substring(0, Math.max(0, width - more.length())) + more;
            }
            c.put(x, y++, line, role, bold);
        }
        return y;
    }
}
