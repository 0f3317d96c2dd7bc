package llmfs.tui.widgets;

/**
 * A one-line progress bar with a caption, e.g. {@code [█████▍    ] step 1200/2000 · 41,000 tok/s · ETA 0:42}.
 * Unicode bars use eighth blocks for sub-cell precision; ASCII bars use {@code #} and {@code -}.
 *
 * <p>{@link #update} may be called from any thread (the state is one immutable value behind a volatile
 * reference); rendering belongs to the UI thread.
 */
public final class ProgressBar implements Widget {

    /** Partial blocks, index = eighths filled (1..7). */
    private static final char[] EIGHTHS = {' ', '\u258F', '\u258E', '\u258D', '\u258C', '\u258B', '\u258A', '\u2589'};
    private static final char FULL = '\u2588';
    private static final int MIN_BAR = 10;

    private record State(double fraction, String text) {
    }

    private volatile State state = new State(0, "");

    /**
     * Sets the progress.
     *
     * @param fraction done so far, 0..1 (clamped; NaN counts as 0)
     * @param text     caption shown after the bar
     */
    public void update(double fraction, String text) {
        state = new State(clamp(fraction), text == null ? "" : text);
    }

    /** @return the current fraction, 0..1 */
    public double fraction() {
        return state.fraction();
    }

    /** @return the current caption */
    public String text() {
        return state.text();
    }

    @Override
    public void render(Canvas canvas, Caps caps) {
        canvas.clear();
        if (canvas.height() == 0) {
            return;
        }
        State s = state;
        Layout layout = Layout.of(canvas.width(), s.fraction(), AsciiFold.text(s.text(), caps.unicode()),
                caps.unicode());
        if (layout.barCells > 0) {
            canvas.set(0, 0, '[', Role.DIM);
            Role fill = s.fraction() >= 1 ? Role.GOOD : Role.ACCENT;
            canvas.put(1, 0, layout.filled, fill);
            canvas.put(1 + layout.filled.length(), 0, layout.empty, Role.DIM);
            canvas.set(layout.barCells + 1, 0, ']', Role.DIM);
        }
        canvas.put(layout.textColumn, 0, layout.text, Role.TEXT);
    }

    /**
     * Renders a progress line for plain output (e.g. a CLI rewriting one line with {@code \r}).
     *
     * @param width    total characters of the result
     * @param fraction done so far, 0..1 (clamped; NaN counts as 0)
     * @param text     caption after the bar; shortened with an ellipsis if it does not fit
     * @param unicode  eighth blocks when true, {@code #} and {@code -} when false (the caption is then folded
     *                 to ASCII too)
     * @return exactly {@code width} characters, padded with spaces
     */
    public static String render(int width, double fraction, String text, boolean unicode) {
        if (width <= 0) {
            return "";
        }
        String caption = AsciiFold.text(text == null ? "" : text, unicode);
        Layout layout = Layout.of(width, clamp(fraction), caption, unicode);
        StringBuilder sb = new StringBuilder(width);
        if (layout.barCells > 0) {
            sb.append('[').append(layout.filled).append(layout.empty).append(']');
        }
        while (sb.length() < layout.textColumn) {
            sb.append(' ');
        }
        sb.append(layout.text);
        while (sb.length() < width) {
            sb.append(' ');
        }
        return sb.substring(0, width);
    }

    private static double clamp(double fraction) {
        if (Double.isNaN(fraction)) {
            return 0;
        }
        return Math.max(0, Math.min(1, fraction));
    }

    /** Where the bar and the caption go within a width. */
    private record Layout(int barCells, String filled, String empty, int textColumn, String text) {

        static Layout of(int width, double fraction, String caption, boolean unicode) {
            // The bar gets what the caption leaves, but never less than MIN_BAR cells while the width allows.
            int wanted = width - caption.length() - 3;
            int barCells = Math.max(Math.min(MIN_BAR, width - 2), wanted);
            if (barCells < 1) {
                barCells = 0;
            }
            String filled;
            String empty;
            if (unicode) {
                int eighths = (int) Math.floor(fraction * barCells * 8 + 1e-9);
                StringBuilder f = new StringBuilder();
                for (int i = 0; i < eighths / 8; i++) {
                    f.append(FULL);
                }
                if (eighths % 8 != 0) {
                    f.append(EIGHTHS[eighths % 8]);
                }
                filled = f.toString();
                empty = " ".repeat(barCells - filled.length());
            } else {
                int cells = (int) Math.floor(fraction * barCells + 1e-9);
                filled = "#".repeat(cells);
                empty = "-".repeat(barCells - cells);
            }
            int textColumn = barCells > 0 ? barCells + 3 : 0;
            int room = Math.max(0, width - textColumn);
            String text = caption;
            if (text.length() > room) {
                String ellipsis = unicode ? "\u2026" : "...";
                text = room > ellipsis.length()
                        ? text.substring(0, room - ellipsis.length()) + ellipsis : text.substring(0, room);
            }
            return new Layout(barCells, filled, empty, textColumn, text);
        }
    }
}
