package llmfs.tui.widgets;

import java.util.Arrays;

/**
 * A rectangle of terminal cells that widgets draw into, independent of any terminal. Each cell holds one
 * character, a {@link Role} and a bold flag. Writes outside the rectangle are silently clipped, so widgets
 * can draw near the edges without bounds checks. {@link CanvasPainter} copies a canvas onto a Lanterna screen.
 *
 * <p>Every cell is one column wide. Control characters become spaces and characters outside the Basic
 * Multilingual Plane become {@code '?'}, because either would break the column arithmetic of a terminal.
 */
public final class Canvas {

    private final int width;
    private final int height;
    private final char[] chars;
    private final Role[] roles;
    private final boolean[] bold;

    /**
     * Creates a blank canvas: spaces in {@link Role#TEXT}, not bold.
     *
     * @param width  columns, at least 0
     * @param height rows, at least 0
     */
    public Canvas(int width, int height) {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("canvas size must not be negative, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.chars = new char[width * height];
        this.roles = new Role[width * height];
        this.bold = new boolean[width * height];
        clear();
    }

    /**
     * Renders a widget into a new canvas of the given size.
     *
     * @param widget the widget
     * @param width  columns
     * @param height rows
     * @param caps   terminal capabilities the widget should assume
     * @return the filled canvas
     */
    public static Canvas of(Widget widget, int width, int height, Caps caps) {
        Canvas canvas = new Canvas(width, height);
        widget.render(canvas, caps);
        return canvas;
    }

    /** @return the number of columns */
    public int width() {
        return width;
    }

    /** @return the number of rows */
    public int height() {
        return height;
    }

    /**
     * Resets every cell to a space in {@link Role#TEXT}, not bold.
     */
    public void clear() {
        Arrays.fill(chars, ' ');
        Arrays.fill(roles, Role.TEXT);
        Arrays.fill(bold, false);
    }

    /**
     * @param x column
     * @param y row
     * @return whether (x, y) lies inside the canvas
     */
    public boolean contains(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height;
    }

    /**
     * Sets one cell, not bold; ignored outside the canvas.
     *
     * @param x    column
     * @param y    row
     * @param c    character
     * @param role role
     */
    public void set(int x, int y, char c, Role role) {
        set(x, y, c, role, false);
    }

    /**
     * Sets one cell; ignored outside the canvas.
     *
     * @param x      column
     * @param y      row
     * @param c      character
     * @param role   role
     * @param isBold whether the cell is bold
     */
    public void set(int x, int y, char c, Role role, boolean isBold) {
        if (!contains(x, y)) {
            return;
        }
        int i = y * width + x;
        chars[i] = printable(c);
        roles[i] = role;
        bold[i] = isBold;
    }

    /**
     * Writes a string left to right, one code point per cell, clipping at the edges.
     *
     * @param x    starting column (may be negative: leading characters are clipped)
     * @param y    row
     * @param text text to write
     * @param role role of every cell written
     * @return the column just after the last character
     */
    public int put(int x, int y, String text, Role role) {
        return put(x, y, text, role, false);
    }

    /**
     * Writes a string left to right, one code point per cell, clipping at the edges.
     *
     * @param x      starting column (may be negative: leading characters are clipped)
     * @param y      row
     * @param text   text to write
     * @param role   role of every cell written
     * @param isBold whether the cells are bold
     * @return the column just after the last character
     */
    public int put(int x, int y, String text, Role role, boolean isBold) {
        int col = x;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            set(col++, y, cp > 0xFFFF ? '?' : (char) cp, role, isBold);
        }
        return col;
    }

    /**
     * Writes a styled line, clipping at the edges.
     *
     * @param x    starting column
     * @param y    row
     * @param line the line
     * @return the column just after the last character
     */
    public int put(int x, int y, StyledLine line) {
        int col = x;
        for (Span span : line.spans()) {
            col = put(col, y, span.text(), span.role(), span.bold());
        }
        return col;
    }

    /**
     * @param x column
     * @param y row
     * @return the character at (x, y)
     * @throws IndexOutOfBoundsException outside the canvas
     */
    public char charAt(int x, int y) {
        return chars[index(x, y)];
    }

    /**
     * @param x column
     * @param y row
     * @return the role at (x, y)
     * @throws IndexOutOfBoundsException outside the canvas
     */
    public Role roleAt(int x, int y) {
        return roles[index(x, y)];
    }

    /**
     * @param x column
     * @param y row
     * @return whether the cell at (x, y) is bold
     * @throws IndexOutOfBoundsException outside the canvas
     */
    public boolean boldAt(int x, int y) {
        return bold[index(x, y)];
    }

    /**
     * @param y row
     * @return the characters of one row, exactly {@link #width()} long
     */
    public String row(int y) {
        if (y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("row " + y + " outside canvas of height " + height);
        }
        return new String(chars, y * width, width);
    }

    /**
     * @return all rows joined with newlines: handy for tests and for printing a widget to a plain terminal
     */
    public String text() {
        StringBuilder sb = new StringBuilder(height * (width + 1));
        for (int y = 0; y < height; y++) {
            if (y > 0) {
                sb.append('\n');
            }
            sb.append(chars, y * width, width);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    private int index(int x, int y) {
        if (!contains(x, y)) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ") outside canvas " + width + "x" + height);
        }
        return y * width + x;
    }

    private static char printable(char c) {
        if (Character.isISOControl(c)) {
            return ' ';
        }
        // A lone surrogate cannot be drawn in one cell.
        return Character.isSurrogate(c) ? '?' : c;
    }
}
