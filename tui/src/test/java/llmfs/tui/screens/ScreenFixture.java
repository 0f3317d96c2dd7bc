package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import llmfs.tui.app.Nav;
import llmfs.tui.app.View;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tutor.Session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** A session on a temporary workspace, a navigation that records what happens, and helpers to draw and type. */
final class ScreenFixture implements AutoCloseable, Nav {
    final Session session;
    final UiContext ctx;
    final List<View> pushed = new ArrayList<>();
    final List<String> flashes = new ArrayList<>();
    int backs;

    ScreenFixture(Path workspace, Caps caps) {
        session = Session.open(workspace.toString());
        ctx = new UiContext(session, caps);
    }

    /** Draws {@code view} on a body-sized canvas (the frame's 100x30 terminal minus title and key bar). */
    static Canvas draw(View view, Caps caps) {
        Canvas c = new Canvas(100, 27);
        view.render(c, caps);
        return c;
    }

    static KeyStroke key(KeyType type) {
        return new KeyStroke(type);
    }

    static KeyStroke ch(char c) {
        return new KeyStroke(c, false, false);
    }

    /** Types {@code text} one key at a time. */
    void type(View view, String text) {
        for (char c : text.toCharArray()) view.onKey(ch(c), this);
    }

    /** Waits up to {@code millis} for {@code condition}. */
    static void await(String what, long millis, BooleanSupplier condition) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) fail("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    /** The row of the canvas that contains {@code text}, or -1. */
    static int rowOf(Canvas c, String text) {
        for (int y = 0; y < c.height(); y++) if (c.row(y).contains(text)) return y;
        return -1;
    }

    @Override
    public void push(View view) {
        pushed.add(view);
    }

    @Override
    public void back() {
        backs++;
    }

    @Override
    public void quit() {
        backs++;
    }

    @Override
    public void suspendFor(Runnable action) {
        action.run();
    }

    @Override
    public void flash(String message) {
        flashes.add(message);
    }

    @Override
    public void close() {
        ctx.close();
        session.close();
    }
}
