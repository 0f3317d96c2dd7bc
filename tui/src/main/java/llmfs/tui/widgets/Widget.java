package llmfs.tui.widgets;

/**
 * Something that draws itself into a {@link Canvas}. A widget adapts its layout to the canvas size and uses
 * only ASCII when {@link Caps#unicode()} is false.
 */
public interface Widget {

    /**
     * Clears the canvas and draws this widget over all of it.
     *
     * @param target the canvas to draw into; its size is the space the widget has
     * @param caps   what the terminal can show
     */
    void render(Canvas target, Caps caps);
}
