package llmfs.tui.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A line chart for training curves, drawn with braille dots (2 x 4 per cell) so a curve looks smooth even in a
 * small panel.
 *
 * <p>Layout, top to bottom: a legend line (each series' name and latest value, then the target band's label),
 * the plot with y-axis tick labels on the left, and an x-axis line ({@code 0 ... step ... 2000}).
 *
 * <p>Glyphs: with colour and Unicode every series is a braille line in its own colour. Without colour the first
 * series stays a braille line and the others are drawn with {@code o}, {@code +}, {@code x} so they can be told
 * apart; in ASCII mode every series uses one character per cell: {@code *}, {@code o}, {@code +}, {@code x}.
 * Where series share a cell the later series is drawn (in braille with colour, the dots merge and the cell takes
 * the colour of the series with most dots there).
 *
 * <p>Threads: series are fed from any thread (see {@link ChartSeries}); configuration and rendering belong to
 * the UI thread. Scale settings are volatile so a change is seen by the next render.
 */
public final class BrailleChart implements Widget {

    /** The most series one chart shows; each gets its own role, SERIES_1..SERIES_4. */
    public static final int MAX_SERIES = 4;

    private static final char[] ASCII_MARKERS = {'*', 'o', '+', 'x'};
    /** Braille dots across the middle of a cell: a short line, used as the legend sample. */
    private static final String BRAILLE_SAMPLE = "\u2812\u2812";
    private static final double PADDING = 0.05;

    private final List<ChartSeries> series = new CopyOnWriteArrayList<>();
    private volatile double fixedXMin = Double.NaN;
    private volatile double fixedXMax = Double.NaN;
    private volatile double fixedYMin = Double.NaN;
    private volatile double fixedYMax = Double.NaN;
    private volatile String xLabel = "";
    private volatile Target target;

    /**
     * A horizontal band marking a goal, e.g. the loss a well-trained model reaches.
     *
     * @param lo    lower edge
     * @param hi    upper edge (equal to {@code lo} for a single line)
     * @param label short text shown next to the band and in the legend
     */
    public record Target(double lo, double hi, String label) {
    }

    /**
     * Adds a series; its points can then be added from any thread.
     *
     * @param name legend name, e.g. "train loss"
     * @return the new series
     * @throws IllegalStateException if the chart already has {@link #MAX_SERIES} series
     */
    public ChartSeries addSeries(String name) {
        if (series.size() >= MAX_SERIES) {
            throw new IllegalStateException("a chart shows at most " + MAX_SERIES
                    + " series; put further curves in a second chart");
        }
        ChartSeries s = new ChartSeries(name);
        series.add(s);
        return s;
    }

    /** @return the series, in the order they were added */
    public List<ChartSeries> series() {
        return List.copyOf(series);
    }

    /**
     * @param label what x measures, shown centred on the x-axis line (e.g. "step")
     * @return this chart
     */
    public BrailleChart xLabel(String label) {
        this.xLabel = label == null ? "" : label;
        return this;
    }

    /**
     * Fixes the left end of the x-axis (NaN: the first point's x). Points further left still widen the axis.
     *
     * @param x the left end
     * @return this chart
     */
    public BrailleChart fixedXMin(double x) {
        this.fixedXMin = x;
        return this;
    }

    /**
     * Fixes the right end of the x-axis, e.g. the total number of steps, so the curve grows from left to right
     * (NaN: the last point's x). Points further right still widen the axis.
     *
     * @param x the right end
     * @return this chart
     */
    public BrailleChart fixedXMax(double x) {
        this.fixedXMax = x;
        return this;
    }

    /**
     * Fixes the bottom of the y-axis, e.g. 0 for a loss (NaN: automatic, with a little padding). Points below
     * are clipped.
     *
     * @param y the bottom value
     * @return this chart
     */
    public BrailleChart fixedYMin(double y) {
        this.fixedYMin = y;
        return this;
    }

    /**
     * Fixes the top of the y-axis (NaN: automatic). Points above are clipped, which hides an early loss spike.
     *
     * @param y the top value
     * @return this chart
     */
    public BrailleChart fixedYMax(double y) {
        this.fixedYMax = y;
        return this;
    }

    /**
     * Shows a target band; the y-axis always stretches to include it.
     *
     * @param lo    lower edge
     * @param hi    upper edge, at least {@code lo}
     * @param label short label
     * @return this chart
     */
    public BrailleChart target(double lo, double hi, String label) {
        if (!(hi >= lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("target band needs finite lo <= hi, got " + lo + ".." + hi);
        }
        this.target = new Target(lo, hi, label == null ? "" : label);
        return this;
    }

    /**
     * Removes the target band.
     *
     * @return this chart
     */
    public BrailleChart clearTarget() {
        this.target = null;
        return this;
    }

    @Override
    public void render(Canvas canvas, Caps caps) {
        canvas.clear();
        int w = canvas.width();
        int h = canvas.height();
        if (w == 0 || h == 0) {
            return;
        }
        List<ChartSeries.Snapshot> snaps = new ArrayList<>();
        for (ChartSeries s : series) {
            snaps.add(s.snapshot());
        }
        Target band = target;
        drawLegend(canvas, snaps, band, caps);

        int axisRows = h >= 4 ? 1 : 0;
        int plotTop = 1;
        int plotRows = h - plotTop - axisRows;
        if (plotRows < 1) {
            return;
        }
        Scale scale = Scale.of(snaps, band, fixedXMin, fixedXMax, fixedYMin, fixedYMax);
        if (scale == null) {
            String msg = AsciiFold.text("waiting for data\u2026", caps.unicode());
            canvas.put(Math.max(0, (w - msg.length()) / 2), plotTop + plotRows / 2, msg, Role.DIM);
            return;
        }

        String[] rowLabels = tickLabels(scale, plotRows);
        int labelWidth = 0;
        for (String label : rowLabels) {
            labelWidth = Math.max(labelWidth, label == null ? 0 : label.length());
        }
        // Narrow charts give all columns to the curve.
        int gutter = w >= 16 ? labelWidth + 1 : 0;
        int plotCols = w - gutter;
        if (plotCols < 1) {
            return;
        }
        Plot plot = new Plot(scale, plotCols, plotRows);
        BrailleGrid[] grids = new BrailleGrid[snaps.size()];
        for (int i = 0; i < grids.length; i++) {
            grids[i] = plot.rasterise(snaps.get(i));
        }
        drawData(canvas, gutter, plotTop, plot, grids, band, caps);
        if (gutter > 0) {
            drawYAxis(canvas, gutter, plotTop, rowLabels, caps.unicode());
        }
        if (axisRows > 0) {
            drawXAxis(canvas, h - 1, gutter, plotCols, scale, caps.unicode());
        }
    }

    private void drawLegend(Canvas canvas, List<ChartSeries.Snapshot> snaps, Target band, Caps caps) {
        int x = 0;
        for (int i = 0; i < snaps.size(); i++) {
            ChartSeries.Snapshot s = snaps.get(i);
            if (i > 0) {
                x += 2;
            }
            x = canvas.put(x, 0, sample(i, caps), Role.series(i));
            x = canvas.put(x + 1, 0, AsciiFold.text(s.name(), caps.unicode()), Role.TEXT);
            double v = s.latestY();
            x = canvas.put(x + 1, 0, Compact.format(v), Double.isFinite(v) ? Role.TEXT : Role.BAD, true);
        }
        if (band != null) {
            if (x > 0) {
                x += 2;
            }
            x = canvas.put(x, 0, caps.unicode() ? "\u2802\u2802" : "..", Role.DIM);
            x = canvas.put(x + 1, 0, AsciiFold.text(band.label(), caps.unicode()), Role.DIM);
        }
        if (x > canvas.width() && canvas.width() > 0) {
            canvas.set(canvas.width() - 1, 0, caps.unicode() ? '\u2026' : '>', Role.DIM);
        }
    }

    private static String sample(int index, Caps caps) {
        if (!caps.unicode() || (!caps.colour() && index > 0)) {
            char m = ASCII_MARKERS[index % ASCII_MARKERS.length];
            return "" + m + m;
        }
        return BRAILLE_SAMPLE;
    }

    private static void drawData(Canvas canvas, int left, int top, Plot plot, BrailleGrid[] grids, Target band,
                                 Caps caps) {
        BrailleGrid bandDots = new BrailleGrid(plot.cols, plot.rows);
        int bandRowHi = -1;
        int bandRowLo = -1;
        if (band != null) {
            int dyHi = plot.dotY(band.hi());
            int dyLo = plot.dotY(band.lo());
            for (int dy : new int[] {dyHi, dyLo}) {
                for (int dx = 0; dx < bandDots.dotWidth(); dx += 2) {
                    bandDots.set(dx, dy);
                }
            }
            bandRowHi = dyHi >= 0 && dyHi < plot.rows * 4 ? dyHi / 4 : -1;
            bandRowLo = dyLo >= 0 && dyLo < plot.rows * 4 ? dyLo / 4 : -1;
        }
        for (int r = 0; r < plot.rows; r++) {
            for (int c = 0; c < plot.cols; c++) {
                if (!drawDataCell(canvas, left + c, top + r, c, r, grids, caps)) {
                    if (caps.unicode() && bandDots.mask(c, r) != 0) {
                        canvas.set(left + c, top + r, BrailleGrid.glyph(bandDots.mask(c, r)), Role.DIM);
                    } else if (!caps.unicode() && (r == bandRowHi || r == bandRowLo)) {
                        canvas.set(left + c, top + r, '.', Role.DIM);
                    }
                }
            }
        }
        if (band != null && !band.label().isEmpty()) {
            String label = " " + AsciiFold.text(band.label(), caps.unicode()) + " ";
            for (int row : new int[] {bandRowHi, bandRowLo}) {
                int start = plot.cols - label.length();
                if (row >= 0 && start >= 0 && isFree(grids, start, row, label.length())) {
                    canvas.put(left + start, top + row, label, Role.DIM);
                    break;
                }
            }
        }
    }

    /** Draws whatever data falls in one cell; returns false if none does. */
    private static boolean drawDataCell(Canvas canvas, int x, int y, int c, int r, BrailleGrid[] grids,
                                        Caps caps) {
        if (!caps.unicode() || !caps.colour()) {
            // Later series on top; without colour only the first series may stay braille.
            for (int s = grids.length - 1; s >= 0; s--) {
                int mask = grids[s].mask(c, r);
                if (mask == 0) {
                    continue;
                }
                char glyph = caps.unicode() && s == 0
                        ? BrailleGrid.glyph(mask) : ASCII_MARKERS[s % ASCII_MARKERS.length];
                canvas.set(x, y, glyph, Role.series(s));
                return true;
            }
            return false;
        }
        int merged = 0;
        int best = -1;
        int bestDots = 0;
        for (int s = 0; s < grids.length; s++) {
            int mask = grids[s].mask(c, r);
            merged |= mask;
            if (Integer.bitCount(mask) > bestDots) {
                bestDots = Integer.bitCount(mask);
                best = s;
            }
        }
        if (merged == 0) {
            return false;
        }
        canvas.set(x, y, BrailleGrid.glyph(merged), Role.series(best));
        return true;
    }

    private static boolean isFree(BrailleGrid[] grids, int start, int row, int length) {
        for (BrailleGrid g : grids) {
            for (int c = start; c < start + length; c++) {
                if (g.mask(c, row) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String[] tickLabels(Scale scale, int plotRows) {
        String[] labels = new String[plotRows];
        int maxTicks = Math.max(2, Math.min(5, plotRows / 2 + 1));
        NiceTicks ticks = NiceTicks.within(scale.yLo, scale.yHi, maxTicks);
        int dotRows = plotRows * 4;
        for (double v : ticks.values()) {
            int dy = (int) Math.round((scale.yHi - v) / (scale.yHi - scale.yLo) * (dotRows - 1));
            int row = dy / 4;
            if (row >= 0 && row < plotRows && labels[row] == null) {
                labels[row] = Compact.tick(v, ticks.step());
            }
        }
        return labels;
    }

    private static void drawYAxis(Canvas canvas, int gutter, int top, String[] rowLabels, boolean unicode) {
        for (int r = 0; r < rowLabels.length; r++) {
            String label = rowLabels[r];
            char axis = label != null ? (unicode ? '\u2524' : '+') : (unicode ? '\u2502' : '|');
            canvas.set(gutter - 1, top + r, axis, Role.DIM);
            if (label != null) {
                canvas.put(gutter - 1 - label.length(), top + r, label, Role.DIM);
            }
        }
    }

    private void drawXAxis(Canvas canvas, int row, int left, int cols, Scale scale, boolean unicode) {
        String lo = Compact.format(scale.xLo);
        String hi = Compact.format(scale.xHi);
        String name = AsciiFold.text(xLabel, unicode);
        int right = left + cols;
        canvas.put(left, row, lo, Role.DIM);
        if (lo.length() + 1 + hi.length() <= cols) {
            canvas.put(right - hi.length(), row, hi, Role.DIM);
        }
        int start = left + (cols - name.length()) / 2;
        if (!name.isEmpty() && start > left + lo.length() && start + name.length() < right - hi.length()) {
            canvas.put(start, row, name, Role.DIM);
        }
    }

    /** The value ranges shown on the two axes. */
    private record Scale(double xLo, double xHi, double yLo, double yHi) {

        /** Returns null when no series has a drawable point. */
        static Scale of(List<ChartSeries.Snapshot> snaps, Target band, double fixedXMin, double fixedXMax,
                        double fixedYMin, double fixedYMax) {
            double xLo = Double.POSITIVE_INFINITY;
            double xHi = Double.NEGATIVE_INFINITY;
            double yLo = Double.POSITIVE_INFINITY;
            double yHi = Double.NEGATIVE_INFINITY;
            for (ChartSeries.Snapshot s : snaps) {
                for (int i = 0; i < s.size(); i++) {
                    xLo = Math.min(xLo, s.xs()[i]);
                    xHi = Math.max(xHi, s.xs()[i]);
                    yLo = Math.min(yLo, s.ys()[i]);
                    yHi = Math.max(yHi, s.ys()[i]);
                }
            }
            if (xLo > xHi) {
                return null;
            }
            if (!Double.isNaN(fixedXMin)) {
                xLo = Math.min(xLo, fixedXMin);
            }
            if (!Double.isNaN(fixedXMax)) {
                xHi = Math.max(xHi, fixedXMax);
            }
            if (xHi <= xLo) {
                xHi = xLo + 1;
            }
            if (band != null) {
                yLo = Math.min(yLo, band.lo());
                yHi = Math.max(yHi, band.hi());
            }
            double pad = (yHi - yLo) * PADDING;
            if (pad == 0) {
                pad = yHi == 0 ? 1 : Math.abs(yHi) * PADDING;
            }
            yLo = Double.isNaN(fixedYMin) ? yLo - pad : fixedYMin;
            yHi = Double.isNaN(fixedYMax) ? yHi + pad : fixedYMax;
            if (yHi <= yLo) {
                if (Double.isNaN(fixedYMin)) {
                    yLo = yHi - 1;
                } else {
                    yHi = yLo + 1;
                }
            }
            return new Scale(xLo, xHi, yLo, yHi);
        }
    }

    /** Maps values to dots for a plot area of the given cell size. */
    private static final class Plot {
        final Scale scale;
        final int cols;
        final int rows;

        Plot(Scale scale, int cols, int rows) {
            this.scale = scale;
            this.cols = cols;
            this.rows = rows;
        }

        /** Dot column of x; values off the plot clamp to just outside it, so lines towards them stop at the edge. */
        int dotX(double x) {
            int dots = cols * 2;
            double d = (x - scale.xLo) / (scale.xHi - scale.xLo) * (dots - 1);
            return (int) Math.round(Math.max(-1, Math.min(dots, d)));
        }

        int dotY(double y) {
            int dots = rows * 4;
            double d = (scale.yHi - y) / (scale.yHi - scale.yLo) * (dots - 1);
            return (int) Math.round(Math.max(-1, Math.min(dots, d)));
        }

        /**
         * Draws a series as a polyline in dot space. Points that fall in the same dot column are first averaged
         * into one vertex, so thousands of noisy points make a readable line rather than a solid smear; the
         * last vertex is the latest point itself, so the curve ends where the legend says.
         */
        BrailleGrid rasterise(ChartSeries.Snapshot s) {
            BrailleGrid grid = new BrailleGrid(cols, rows);
            int n = s.size();
            int px = 0;
            int py = 0;
            boolean first = true;
            int i = 0;
            while (i < n) {
                int x = dotX(s.xs()[i]);
                double sum = 0;
                int count = 0;
                int j = i;
                while (j < n && dotX(s.xs()[j]) == x) {
                    sum += s.ys()[j];
                    count++;
                    j++;
                }
                double y = j == n ? s.ys()[n - 1] : sum / count;
                int dy = dotY(y);
                if (first) {
                    grid.set(x, dy);
                    first = false;
                } else {
                    grid.line(px, py, x, dy);
                }
                px = x;
                py = dy;
                i = j;
            }
            return grid;
        }
    }
}
