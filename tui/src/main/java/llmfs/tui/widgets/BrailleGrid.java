package llmfs.tui.widgets;

/**
 * A bitmap of dots drawn with Unicode braille characters: each terminal cell holds 2 x 4 dots, so a grid of
 * {@code columns x rows} cells has {@code 2*columns x 4*rows} dots. Dot (0, 0) is the top-left one.
 */
public final class BrailleGrid {

    /** Bit of each dot within a braille character, indexed [dy][dx] inside the 2 x 4 cell (Unicode order). */
    private static final int[][] BITS = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};

    private final int columns;
    private final int rows;
    private final byte[] masks;

    /**
     * @param columns cells across
     * @param rows    cells down
     */
    public BrailleGrid(int columns, int rows) {
        if (columns < 0 || rows < 0) {
            throw new IllegalArgumentException("grid size must not be negative, got " + columns + "x" + rows);
        }
        this.columns = columns;
        this.rows = rows;
        this.masks = new byte[columns * rows];
    }

    /** @return cells across */
    public int columns() {
        return columns;
    }

    /** @return cells down */
    public int rows() {
        return rows;
    }

    /** @return dots across ({@code 2 * columns}) */
    public int dotWidth() {
        return columns * 2;
    }

    /** @return dots down ({@code 4 * rows}) */
    public int dotHeight() {
        return rows * 4;
    }

    /**
     * Turns a dot on; dots outside the grid are ignored.
     *
     * @param dx dot column
     * @param dy dot row
     */
    public void set(int dx, int dy) {
        if (dx < 0 || dy < 0 || dx >= dotWidth() || dy >= dotHeight()) {
            return;
        }
        masks[(dy >> 2) * columns + (dx >> 1)] |= (byte) BITS[dy & 3][dx & 1];
    }

    /**
     * @param dx dot column
     * @param dy dot row
     * @return whether the dot is on (false outside the grid)
     */
    public boolean isSet(int dx, int dy) {
        if (dx < 0 || dy < 0 || dx >= dotWidth() || dy >= dotHeight()) {
            return false;
        }
        return (mask(dx >> 1, dy >> 2) & BITS[dy & 3][dx & 1]) != 0;
    }

    /**
     * Draws a straight line of dots between two dots, both included (Bresenham's algorithm). Parts outside the
     * grid are skipped.
     *
     * @param x0 start dot column
     * @param y0 start dot row
     * @param x1 end dot column
     * @param y1 end dot row
     */
    public void line(int x0, int y0, int x1, int y1) {
        int dx = Math.abs(x1 - x0);
        int dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        int x = x0;
        int y = y0;
        while (true) {
            set(x, y);
            if (x == x1 && y == y1) {
                return;
            }
            int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y += sy;
            }
        }
    }

    /**
     * @param column cell column
     * @param row    cell row
     * @return the 8-bit dot pattern of that cell
     */
    public int mask(int column, int row) {
        return masks[row * columns + column] & 0xFF;
    }

    /**
     * @param column cell column
     * @param row    cell row
     * @return how many dots of that cell are on
     */
    public int dotCount(int column, int row) {
        return Integer.bitCount(mask(column, row));
    }

    /**
     * @param mask an 8-bit dot pattern
     * @return the braille character (U+2800..U+28FF) showing it
     */
    public static char glyph(int mask) {
        return (char) (0x2800 + (mask & 0xFF));
    }

    /** Turns every dot off. */
    public void clear() {
        java.util.Arrays.fill(masks, (byte) 0);
    }
}
