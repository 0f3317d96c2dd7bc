package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyType;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tutor.course.LabSpec;
import llmfs.tutor.course.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static llmfs.tui.screens.ScreenFixture.draw;
import static llmfs.tui.screens.ScreenFixture.key;
import static llmfs.tui.screens.ScreenFixture.rowOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which extra screens each part offers next to its lab. */
class PartViewTest {
    @TempDir
    Path tmp;

    private static Part part(int id, String lab) {
        return new Part(id, "Part " + id, "A part.", List.of(), List.of(), new LabSpec(lab, "Train it", lab));
    }

    @Test
    void partThreeOffersTheCompressionTableAndThePlayground() {
        try (ScreenFixture fx = new ScreenFixture(tmp.resolve("ws"), Caps.PLAIN)) {
            PartView view = new PartView(fx.ctx, part(3, "bpe"));
            Canvas c = draw(view, Caps.PLAIN);
            assertTrue(rowOf(c, "Compression table") >= 0, c.text());
            assertTrue(rowOf(c, "Tokenizer playground") >= 0, c.text());
            assertEquals(-1, rowOf(c, "PCA"), "the embeddings picture belongs to Part 1");

            view.onKey(key(KeyType.ArrowDown), fx);
            view.onKey(key(KeyType.Enter), fx);
            assertInstanceOf(CompressionView.class, fx.pushed.get(0));
            view.onKey(key(KeyType.ArrowDown), fx);
            view.onKey(key(KeyType.Enter), fx);
            assertInstanceOf(TokenizerPlaygroundView.class, fx.pushed.get(1));
        }
    }

    @Test
    void partFourOffersTheAttentionExplorerAndThePositions() {
        try (ScreenFixture fx = new ScreenFixture(tmp.resolve("ws"), Caps.PLAIN)) {
            PartView view = new PartView(fx.ctx, part(4, "gpt"));
            Canvas c = draw(view, Caps.PLAIN);
            assertTrue(rowOf(c, "Attention explorer") >= 0, c.text());
            assertTrue(rowOf(c, "Positional encoding") >= 0, c.text());
            assertEquals(-1, rowOf(c, "Compression table"));
            view.onKey(key(KeyType.ArrowDown), fx);
            view.onKey(key(KeyType.Enter), fx);
            assertInstanceOf(AttentionExplorerView.class, fx.pushed.get(0));
            view.onKey(key(KeyType.ArrowDown), fx);
            view.onKey(key(KeyType.Enter), fx);
            assertInstanceOf(PositionalEncodingView.class, fx.pushed.get(1));
        }
    }

    @Test
    void partsOneAndTwoDoNotShowThem() {
        try (ScreenFixture fx = new ScreenFixture(tmp.resolve("ws"), Caps.PLAIN)) {
            Canvas one = draw(new PartView(fx.ctx, part(1, "names")), Caps.PLAIN);
            assertTrue(rowOf(one, "PCA") >= 0, one.text());
            assertEquals(-1, rowOf(one, "Tokenizer playground"));
            Canvas two = draw(new PartView(fx.ctx, part(2, "shakespeare")), Caps.PLAIN);
            assertEquals(-1, rowOf(two, "PCA"));
            assertEquals(-1, rowOf(two, "Compression table"));
            assertTrue(rowOf(two, "Train it") >= 0, two.text());
        }
    }
}
