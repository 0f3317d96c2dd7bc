package llmfs.tui.widgets;

import java.util.List;

/**
 * A matrix drawn as shaded cells, e.g. attention weights: the darker the shade, the larger the value.
 * Unicode uses {@code " ░▒▓█"}, ASCII uses {@code " .:-=+*#%@"}.
 *
 * <p>Layout: optional column labels on top, optional row labels on the left, and a legend line at the bottom
 * showing the shade ramp with the values at its ends. Each matrix cell takes two columns when they fit (so
 * cells look square-ish) and one otherwise; a matrix too large for the canvas is cut and the legend says how
 * much is shown. Not thread-safe: configure and render on the UI thread ({@link #values} swaps the matrix in
 * one step, so a new matrix can be handed over safely).
 */
public final class Heatmap implements Widget {

    private static final String UNICODE_SHADES = " \u2591\u2592\u2593\u2588";
    private static final String ASCII_SHADES = " .:-=+*#%@";
    private static final int MAX_ROW_LABEL = 10;

    private volatile double[][] values;
    private List<String> rowLabels = List.of();
    private List<String> columnLabels = List.of();
    private double fixedMin = Double.NaN;
    private double fixedMax = Double.NaN;

    /**
     * @param values a rectangular matrix (copied)
     */
    public Heatmap(double[][] values) {
        values(values);
    }

    /**
     * Replaces the matrix.
     *
     * @param matrix a rectangular matrix (copied)
     * @return this heatmap
     * @throws IllegalArgumentException if the rows have different lengths
     */
    public Heatmap values(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int r = 0; r < matrix.length; r++) {
            if (matrix[r].length != matrix[0].length) {
                throw new IllegalArgumentException("heatmap rows must all have the same length: row 0 has "
                        + matrix[0].length + " values, row " + r + " has " + matrix[r].length);
            }
            copy[r] = matrix[r].clone();
        }
        this.values = copy;
        return this;
    }

    /**
     * @param labels one label per row, e.g. the query tokens (empty list: none)
     * @return this heatmap
     */
    public Heatmap rowLabels(List<String> labels) {
        this.rowLabels = List.copyOf(labels);
        return this;
    }

    /**
     * @param labels one label per column, e.g. the key tokens; only the first one or two characters show
     * @return this heatmap
     */
    public Heatmap columnLabels(List<String> labels) {
        this.columnLabels = List.copyOf(labels);
        return this;
    }

    /**
     * Fixes the value range mapped onto the shades, e.g. 0..1 for attention weights (NaN: the matrix's own
     * minimum and maximum).
     *
     * @param min value drawn lightest
     * @param max value drawn darkest
     * @return this heatmap
     */
    public Heatmap range(double min, double max) {
        this.fixedMin = min;
        this.fixedMax = max;
        return this;
    }

    @Override
    public void render(Canvas canvas, Caps caps) {
        canvas.clear();
        double[][] m = values;
        int rows = m.length;
        int cols = rows == 0 ? 0 : m[0].length;
        boolean uni = caps.unicode();
        String shades = uni ? UNICODE_SHADES : ASCII_SHADES;
        double lo = fixedMin;
        double hi = fixedMax;
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            double dataLo = Double.POSITIVE_INFINITY;
            double dataHi = Double.NEGATIVE_INFINITY;
            for (double[] row : m) {
                for (double v : row) {
                    if (Double.isFinite(v)) {
                        dataLo = Math.min(dataLo, v);
                        dataHi = Math.max(dataHi, v);
                    }
                }
            }
            lo = Double.isNaN(lo) ? dataLo : lo;
            hi = Double.isNaN(hi) ? dataHi : hi;
        }

        int labelWidth = 0;
        for (String l : rowLabels) {
            labelWidth = Math.max(labelWidth, TokenText.visible(l, uni).length());
        }
        int gutter = rowLabels.isEmpty() ? 0 : Math.min(MAX_ROW_LABEL, labelWidth) + 1;
        int top = columnLabels.isEmpty() ? 0 : 1;
        int available = Math.max(0, canvas.width() - gutter);
        int cellWidth = cols * 2 <= available ? 2 : 1;
        int shownCols = Math.min(cols, available / cellWidth);
        int shownRows = Math.min(rows, Math.max(0, canvas.height() - top - 1));

        for (int c = 0; c < shownCols && top > 0; c++) {
            if (c < columnLabels.size()) {
                String label = TokenText.visible(columnLabels.get(c), uni);
                canvas.put(gutter + c * cellWidth, 0, cut(label, cellWidth), Role.DIM);
            }
        }
        for (int r = 0; r < shownRows; r++) {
            if (r < rowLabels.size()) {
                String label = cut(TokenText.visible(rowLabels.get(r), uni), gutter - 1);
                canvas.put(gutter - 1 - label.length(), top + r, label, Role.DIM);
            }
            for (int c = 0; c < shownCols; c++) {
                double v = m[r][c];
                char glyph;
                Role role = Role.ACCENT;
                if (!Double.isFinite(v)) {
                    glyph = '?';
                    role = Role.BAD;
                } else {
                    glyph = shades.charAt(level(v, lo, hi, shades.length()));
                }
                for (int k = 0; k < cellWidth; k++) {
                    canvas.set(gutter + c * cellWidth + k, top + r, glyph, role);
                }
            }
        }
        int legendRow = top + shownRows;
        if (legendRow < canvas.height()) {
            drawLegend(canvas, legendRow, shades, lo, hi, uni,
                    shownRows < rows || shownCols < cols ? shownRows + "x" + shownCols + " of " + rows + "x" + cols
                            : null);
        }
    }

    /**
     * The shade index of a value: the range is split into equal parts, the maximum gets the darkest shade.
     */
    static int level(double v, double lo, double hi, int levels) {
        if (!(hi > lo)) {
            return levels - 1;
        }
        double t = (v - lo) / (hi - lo);
        t = Math.max(0, Math.min(1, t));
        return (int) Math.round(t * (levels - 1));
    }

    private static void drawLegend(Canvas canvas, int row, String shades, double lo, double hi, boolean uni,
                                   String clipNote) {
        int x = canvas.put(0, row, "[", Role.DIM);
        x = canvas.put(x, row, shades, Role.ACCENT);
        x = canvas.put(x, row, "] ", Role.DIM);
        String range = Double.isFinite(lo) && Double.isFinite(hi)
                ? Compact.format(lo) + (uni ? " \u2026 " : " .. ") + Compact.format(hi) : "no finite values";
        x = canvas.put(x, row, range, Role.DIM);
        if (clipNote != null) {
            canvas.put(x + 2, row, "(showing " + clipNote + ")", Role.WARN);
        }
    }

    private static String cut(String s, int max) {
        if (max <= 0) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max);
    }
}
