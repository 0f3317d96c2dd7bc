package llmfs.tui.widgets;

import java.util.ArrayList;
import java.util.List;

/**
 * Fitting one line of text into a number of columns: cut at a word boundary with an ellipsis, never in the middle
 * of a word when a space is near enough ("Part 1 › Exercise 1.3 The MLP…", not "…The ML…"), and wrapping into
 * several lines with a hanging indent (for help texts).
 */
public final class Fit {
    private Fit() {
    }

    /**
     * {@code s} if it fits in {@code width} columns; otherwise cut at the last space that keeps at least half the
     * width, followed by an ellipsis ("…" or "..." without Unicode). A single long word is cut where it must be.
     */
    public static String line(String s, int width, boolean unicode) {
        if (width <= 0) return "";
        if (s.length() <= width) return s;
        String more = unicode ? "…" : "...";
        int room = Math.max(0, width - more.length());
        int space = s.lastIndexOf(' ', room);
        int cut = space >= width / 2 ? space : room;
        String head = s.substring(0, cut).stripTrailing();
        while (!head.isEmpty() && ",;:·-–—›>".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        return head + more;
    }

    /**
     * {@code s} broken at spaces into lines of at most {@code width} columns; lines after the first start with
     * {@code indent} spaces. A word longer than a line is cut.
     */
    public static List<String> wrap(String s, int width, int indent) {
        List<String> lines = new ArrayList<>();
        String pad = " ".repeat(Math.max(0, Math.min(indent, width / 2)));
        String rest = s;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= pad.length()) cut = width;
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = pad + rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }
}
