package llmfs.tui.widgets;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a table for a fixed width: columns get their natural width when the table fits; otherwise the
 * widest columns give up cells one at a time until it does, and cut cells end with an ellipsis. Columns are
 * separated by {@code " │ "} (a single {@code "│"} when even that is too wide), and a rule separates the
 * header from the body.
 */
final class MarkdownTable {

    /** How a column's cells are aligned. */
    enum Align { LEFT, CENTER, RIGHT }

    private MarkdownTable() {
    }

    /**
     * @param header  header cells (may be empty for a table without a header row)
     * @param body    body rows
     * @param aligns  alignment per column (missing columns align left)
     * @param width   the most cells a line should take
     * @param unicode whether box-drawing and ellipsis characters may be used
     * @return the table's lines
     */
    static List<StyledLine> layout(List<StyledLine> header, List<List<StyledLine>> body, List<Align> aligns,
                                   int width, boolean unicode) {
        int n = header.size();
        for (List<StyledLine> row : body) {
            n = Math.max(n, row.size());
        }
        if (n == 0) {
            return List.of();
        }
        int[] widths = new int[n];
        measure(header, widths);
        for (List<StyledLine> row : body) {
            measure(row, widths);
        }
        String separator = unicode ? " \u2502 " : " | ";
        String rule = unicode ? "\u2500\u253C\u2500" : "-+-";
        if (sum(widths) + 3 * (n - 1) > width && width - 3 * (n - 1) < 3 * n) {
            separator = unicode ? "\u2502" : "|";
            rule = unicode ? "\u253C" : "+";
        }
        shrink(widths, width - separator.length() * (n - 1));

        String ellipsis = unicode ? "\u2026" : "...";
        List<StyledLine> lines = new ArrayList<>();
        if (!header.isEmpty()) {
            lines.add(row(header, widths, aligns, separator, ellipsis));
            StringBuilder r = new StringBuilder();
            for (int c = 0; c < n; c++) {
                if (c > 0) {
                    r.append(rule);
                }
                r.append((unicode ? "\u2500" : "-").repeat(widths[c]));
            }
            lines.add(StyledLine.of(r.toString(), Role.DIM));
        }
        for (List<StyledLine> cells : body) {
            lines.add(row(cells, widths, aligns, separator, ellipsis));
        }
        return lines;
    }

    private static void measure(List<StyledLine> cells, int[] widths) {
        for (int c = 0; c < cells.size(); c++) {
            widths[c] = Math.max(widths[c], Math.max(1, cells.get(c).width()));
        }
    }

    /** Takes one cell at a time from the widest column until the total fits the budget (columns keep >= 1). */
    private static void shrink(int[] widths, int budget) {
        int total = sum(widths);
        while (total > budget) {
            int widest = 0;
            for (int c = 1; c < widths.length; c++) {
                if (widths[c] > widths[widest]) {
                    widest = c;
                }
            }
            if (widths[widest] <= 1) {
                return;
            }
            widths[widest]--;
            total--;
        }
    }

    private static StyledLine row(List<StyledLine> cells, int[] widths, List<Align> aligns, String separator,
                                  String ellipsis) {
        StyledLine.Builder b = new StyledLine.Builder();
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) {
                b.append(separator, Role.DIM, false);
            }
            StyledLine cell = c < cells.size() ? cells.get(c) : StyledLine.EMPTY;
            String mark = ellipsis.length() < widths[c] ? ellipsis : "";
            cell = cell.truncate(widths[c], mark, Role.DIM);
            int pad = widths[c] - cell.width();
            Align align = c < aligns.size() ? aligns.get(c) : Align.LEFT;
            int before = switch (align) {
                case LEFT -> 0;
                case CENTER -> pad / 2;
                case RIGHT -> pad;
            };
            b.append(" ".repeat(before), Role.TEXT, false);
            b.append(cell);
            // Trailing padding is only needed to line up a following column.
            if (c < widths.length - 1) {
                b.append(" ".repeat(pad - before), Role.TEXT, false);
            }
        }
        return b.build();
    }

    private static int sum(int[] values) {
        int s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }
}
