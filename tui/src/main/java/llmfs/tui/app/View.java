package llmfs.tui.app;

import com.googlecode.lanterna.input.KeyStroke;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;

import java.util.List;

/** One screen of the text UI: it draws its body, handles keys and names the keys it understands. */
public interface View {
    /** Breadcrumb title, e.g. "Part 1 › Exercise 1.2 Sliding windows". */
    String title();

    /** Draws the body (everything between the title bar and the key bar) into {@code body}. */
    void render(Canvas body, Caps caps);

    /**
     * Handles a key. Return true if the key was used (the screen is redrawn); unhandled keys fall through to the
     * global ones ({@code q}/Esc back, {@code ?} help).
     */
    boolean onKey(KeyStroke key, Nav nav);

    /** Keys shown in the key bar, most important first. */
    List<KeyHint> keys();

    /** Called often while the view is on screen; return true when it wants a redraw (live charts, spinners). */
    default boolean tick() {
        return false;
    }

    /** Called when the view becomes the top of the stack again (e.g. after a sub-screen closes). */
    default void resumed() {}

    /** Called when the view is removed for good; stop background work here. */
    default void closed() {}

    /**
     * True for a view that takes typed text, so every printable key is input: the frame then does not advertise
     * {@code q} and {@code ?} (Esc still goes back, F1 still opens the help).
     */
    default boolean takesText() {
        return false;
    }

    /**
     * Where the terminal's cursor should show, as {x, y} within the body, or null to hide it (every view but a text
     * editor).
     */
    default int[] cursor() {
        return null;
    }

    /** A confirmation question shown at the bottom instead of the key bar, or null. */
    default String prompt() {
        return null;
    }
}
