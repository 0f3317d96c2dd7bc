package llmfs.tui.widgets;

import java.util.ArrayList;
import java.util.List;

/**
 * Labelled points in a frame, e.g. character embeddings projected onto two principal components, each point
 * drawn as its label ({@code a}, {@code b}, ...) in the colour of its group (vowel, consonant, ...).
 *
 * <p>Layout: a legend line of groups, then a frame whose top edge carries the y-axis title and whose bottom
 * edge carries the x-axis title. Points are placed in the order they were added; a label that would overlap
 * an earlier one is not drawn (the earlier one is kept). Its position is still marked with a dim dot when that
 * cell is free, and the legend line counts the hidden labels.
 *
 * <p>Without colour, groups are told apart by weight: the second and fourth groups are drawn bold. Not
 * thread-safe: build and render on the UI thread.
 */
public final class ScatterPlot implements Widget {

    private record Point(double x, double y, String label, int group) {
    }

    private final List<Point> points = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();
    private String xTitle = "";
    private String yTitle = "";
    private int lastHidden;

    /**
     * @param title x-axis title, e.g. "PC1 (23.4%)"
     * @return this plot
     */
    public ScatterPlot xTitle(String title) {
        this.xTitle = title == null ? "" : title;
        return this;
    }

    /**
     * @param title y-axis title, e.g. "PC2 (12.1%)"
     * @return this plot
     */
    public ScatterPlot yTitle(String title) {
        this.yTitle = title == null ? "" : title;
        return this;
    }

    /**
     * Adds a point; its group is registered on first use, and groups keep the order of first use.
     *
     * @param x     x value
     * @param y     y value
     * @param label short text drawn at the point, e.g. the character
     * @param group group name shown in the legend, e.g. "vowel"
     * @return this plot
     */
    public ScatterPlot add(double x, double y, String label, String group) {
        int g = groups.indexOf(group);
        if (g < 0) {
            groups.add(group);
            g = groups.size() - 1;
        }
        points.add(new Point(x, y, label == null ? "" : label, g));
        return this;
    }

    /** Removes all points and groups. */
    public void clear() {
        points.clear();
        groups.clear();
    }

    /** @return the number of points added */
    public int size() {
        return points.size();
    }

    /** @return how many labels the last render had to leave out because they overlapped earlier ones */
    public int hiddenLabels() {
        return lastHidden;
    }

    @Override
    public void render(Canvas canvas, Caps caps) {
        canvas.clear();
        lastHidden = 0;
        int w = canvas.width();
        int h = canvas.height();
        boolean uni = caps.unicode();
        int cols = w - 2;
        int rows = h - 3;
        if (cols >= 1 && rows >= 1) {
            drawFrame(canvas, uni);
            lastHidden = drawPoints(canvas, cols, rows, caps);
        }
        if (h > 0) {
            drawLegend(canvas, caps, lastHidden);
        }
    }

    private void drawFrame(Canvas canvas, boolean uni) {
        int w = canvas.width();
        int h = canvas.height();
        char horizontal = uni ? '\u2500' : '-';
        char vertical = uni ? '\u2502' : '|';
        for (int x = 1; x < w - 1; x++) {
            canvas.set(x, 1, horizontal, Role.DIM);
            canvas.set(x, h - 1, horizontal, Role.DIM);
        }
        for (int y = 2; y < h - 1; y++) {
            canvas.set(0, y, vertical, Role.DIM);
            canvas.set(w - 1, y, vertical, Role.DIM);
        }
        canvas.set(0, 1, uni ? '\u250C' : '+', Role.DIM);
        canvas.set(w - 1, 1, uni ? '\u2510' : '+', Role.DIM);
        canvas.set(0, h - 1, uni ? '\u2514' : '+', Role.DIM);
        canvas.set(w - 1, h - 1, uni ? '\u2518' : '+', Role.DIM);
        String yt = fit(AsciiFold.text(yTitle, uni), w - 4);
        if (!yt.isEmpty()) {
            canvas.put(2, 1, " " + yt + " ", Role.TEXT);
        }
        String xt = fit(AsciiFold.text(xTitle, uni), w - 4);
        if (!xt.isEmpty()) {
            canvas.put(Math.max(1, (w - xt.length() - 2) / 2), h - 1, " " + xt + " ", Role.TEXT);
        }
    }

    /** Places the points inside the frame; returns the number of labels left out. */
    private int drawPoints(Canvas canvas, int cols, int rows, Caps caps) {
        double xLo = Double.POSITIVE_INFINITY;
        double xHi = Double.NEGATIVE_INFINITY;
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            if (Double.isFinite(p.x()) && Double.isFinite(p.y())) {
                xLo = Math.min(xLo, p.x());
                xHi = Math.max(xHi, p.x());
                yLo = Math.min(yLo, p.y());
                yHi = Math.max(yHi, p.y());
            }
        }
        boolean[] used = new boolean[cols * rows];
        int hidden = 0;
        for (Point p : points) {
            if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
                continue;
            }
            int c = position(p.x(), xLo, xHi, cols);
            int r = rows - 1 - position(p.y(), yLo, yHi, rows);
            String label = fit(TokenText.visible(p.label(), caps.unicode()), cols);
            // Labels hang to the right of their point, but shift left rather than cross the frame.
            int start = Math.min(c, cols - label.length());
            boolean free = true;
            for (int k = start; k < start + label.length(); k++) {
                free &= !used[r * cols + k];
            }
            if (free) {
                for (int k = start; k < start + label.length(); k++) {
                    used[r * cols + k] = true;
                }
                boolean bold = !caps.colour() && p.group() % 2 == 1;
                canvas.put(1 + start, 2 + r, label, Role.series(p.group()), bold);
            } else {
                hidden++;
                if (!used[r * cols + c]) {
                    used[r * cols + c] = true;
                    canvas.set(1 + c, 2 + r, caps.unicode() ? '\u00B7' : '.', Role.DIM);
                }
            }
        }
        return hidden;
    }

    private void drawLegend(Canvas canvas, Caps caps, int hidden) {
        boolean uni = caps.unicode();
        int x = 0;
        for (int g = 0; g < groups.size(); g++) {
            if (g > 0) {
                x += 2;
            }
            if (caps.colour()) {
                x = canvas.put(x, 0, uni ? "\u2588" : "#", Role.series(g)) + 1;
            }
            boolean bold = !caps.colour() && g % 2 == 1;
            x = canvas.put(x, 0, AsciiFold.text(groups.get(g), uni), Role.series(g), bold);
        }
        if (hidden > 0) {
            String note = "(" + hidden + (hidden == 1 ? " label" : " labels") + " hidden by overlap)";
            int start = Math.max(x + 2, canvas.width() - note.length());
            canvas.put(start, 0, note, Role.DIM);
        }
    }

    /** Cell index 0..cells-1 of a value in [lo, hi]; a zero-width range puts everything in the middle. */
    private static int position(double v, double lo, double hi, int cells) {
        if (!(hi > lo)) {
            return cells / 2;
        }
        int i = (int) Math.round((v - lo) / (hi - lo) * (cells - 1));
        return Math.max(0, Math.min(cells - 1, i));
    }

    private static String fit(String s, int max) {
        if (max <= 0) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max);
    }
}
