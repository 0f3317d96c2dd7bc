package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyType;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static llmfs.tui.screens.ScreenFixture.draw;
import static llmfs.tui.screens.ScreenFixture.key;
import static llmfs.tui.screens.ScreenFixture.rowOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attention explorer and the positional-encoding picture, drawn into a canvas and driven with keys. */
class AttentionExplorerViewTest {
    @TempDir
    Path tmp;

    @Test
    void showsOneHeadsCausalWeightsForTheTypedLine() {
        try (ScreenFixture fx = new ScreenFixture(tmp.resolve("ws"), Caps.PLAIN)) {
            AttentionExplorerView view = new AttentionExplorerView(fx.ctx);
            view.onKey(key(KeyType.Enter), fx);
            assertEquals("", view.input());
            fx.type(view, "To be, or not");
            double[][] m = view.matrix();
            assertEquals(13, m.length);
            for (int i = 0; i < m.length; i++) {
                double sum = 0;
                for (int j = 0; j < m.length; j++) {
                    if (j > i) assertEquals(0.0, m[i][j], "row " + i + " sees a later character " + j);
                    sum += m[i][j];
                }
                assertEquals(1.0, sum, 1e-4, "row " + i);
            }
            Canvas c = draw(view, Caps.PLAIN);
            assertTrue(rowOf(c, "layer 1 of 3 - head 1 of 4") >= 0, c.text());
            assertTrue(rowOf(c, "an untrained model") >= 0, c.text());
            double[][] before = view.matrix();
            view.onKey(key(KeyType.ArrowRight), fx);
            view.onKey(key(KeyType.ArrowDown), fx);
            assertEquals(1, view.head());
            assertEquals(1, view.layer());
            assertTrue(rowOf(draw(view, Caps.PLAIN), "layer 2 of 3 - head 2 of 4") >= 0);
            assertTrue(before[12][0] != view.matrix()[12][0], "another head has other weights");
            fx.type(view, "%");
            assertEquals("To be, or not", view.input(), "a character the model has no token for is refused");
        }
    }

    @Test
    void positionalEncodingScrollsThroughFiftyPositions() {
        PositionalEncodingView view = new PositionalEncodingView();
        Canvas c = draw(view, Caps.PLAIN);
        assertTrue(rowOf(c, "positions 0-49") >= 0, c.text());
        for (int i = 0; i < 60; i++) view.onKey(key(KeyType.ArrowDown), null);
        assertEquals(49, view.first());
        view.onKey(key(KeyType.ArrowUp), null);
        assertEquals(48, view.first());
    }
}
