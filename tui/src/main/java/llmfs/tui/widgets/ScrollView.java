package llmfs.tui.widgets;

import com.googlecode.lanterna.input.KeyStroke;

import java.util.List;

/**
 * A scrolling window onto a {@link LineSource}: all rows but the last show content from the current offset,
 * the last row shows {@code line a–b of n}. Keeps its place across resizes: when the width changes and the
 * content reflows, the offset moves to the same relative position.
 *
 * <p>Scrolling before the first render assumes a 20-row viewport; the offset is clamped on every render.
 * Not thread-safe: use from the UI thread.
 */
public final class ScrollView implements Widget {

    private static final int DEFAULT_VIEWPORT = 20;

    private LineSource source;
    private int offset;
    private boolean pinnedToEnd;
    private int viewport = DEFAULT_VIEWPORT;
    private int lastWidth = -1;
    private int total;

    /**
     * @param source the content
     */
    public ScrollView(LineSource source) {
        this.source = source;
    }

    /**
     * Shows other content, from the top.
     *
     * @param newSource the content
     */
    public void setSource(LineSource newSource) {
        this.source = newSource;
        home();
        lastWidth = -1;
    }

    /** @return the first content line shown (0-based) */
    public int offset() {
        return offset;
    }

    /** @return how many content lines the last render had */
    public int totalLines() {
        return total;
    }

    /**
     * Moves by a number of lines (negative: up). Clamped at the next render.
     *
     * @param lines lines to move
     */
    public void scrollBy(int lines) {
        pinnedToEnd = false;
        offset = Math.max(0, offset + lines);
        if (total > 0) {
            offset = Math.min(offset, maxOffset());
        }
    }

    /** Moves up one line. */
    public void lineUp() {
        scrollBy(-1);
    }

    /** Moves down one line. */
    public void lineDown() {
        scrollBy(1);
    }

    /** Moves up a page, keeping one line of context. */
    public void pageUp() {
        scrollBy(-page());
    }

    /** Moves down a page, keeping one line of context. */
    public void pageDown() {
        scrollBy(page());
    }

    /** Goes to the top. */
    public void home() {
        pinnedToEnd = false;
        offset = 0;
    }

    /** Goes to the bottom (the last page), whatever the content's length turns out to be. */
    public void end() {
        pinnedToEnd = true;
        if (total > 0) {
            offset = maxOffset();
        }
    }

    /**
     * Applies the usual scrolling keys: arrows, Page Up/Down, Home/End, and space for the next page.
     *
     * @param key a key stroke
     * @return whether the key was a scrolling key
     */
    public boolean handle(KeyStroke key) {
        switch (key.getKeyType()) {
            case ArrowUp -> lineUp();
            case ArrowDown -> lineDown();
            case PageUp -> pageUp();
            case PageDown -> pageDown();
            case Home -> home();
            case End -> end();
            case Character -> {
                if (key.getCharacter() != ' ') {
                    return false;
                }
                pageDown();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * @param unicode whether to use an en dash
     * @return {@code "line a–b of n"} for the last render, or {@code "empty"}
     */
    public String status(boolean unicode) {
        if (total == 0) {
            return "empty";
        }
        int last = Math.min(total, offset + viewport);
        return "line " + (offset + 1) + (unicode ? "\u2013" : "-") + last + " of " + total;
    }

    @Override
    public void render(Canvas canvas, Caps caps) {
        canvas.clear();
        int w = canvas.width();
        int h = canvas.height();
        if (w == 0 || h == 0) {
            return;
        }
        int rows = h >= 2 ? h - 1 : h;
        List<StyledLine> lines = source.lines(w, caps.unicode());
        if (lastWidth > 0 && lastWidth != w && total > 0) {
            // Same relative position after the text reflowed.
            offset = (int) Math.round((double) offset * lines.size() / total);
        }
        lastWidth = w;
        total = lines.size();
        viewport = rows;
        offset = pinnedToEnd ? maxOffset() : Math.min(offset, maxOffset());
        for (int r = 0; r < rows && offset + r < total; r++) {
            canvas.put(0, r, lines.get(offset + r));
        }
        if (h >= 2) {
            String status = status(caps.unicode());
            canvas.put(Math.max(0, w - status.length()), h - 1, status, Role.DIM);
        }
    }

    private int page() {
        return Math.max(1, viewport - 1);
    }

    private int maxOffset() {
        return Math.max(0, total - viewport);
    }
}
