package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyType;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.Role;
import llmfs.tutor.lab.ShakespeareTokenizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static llmfs.tui.screens.ScreenFixture.draw;
import static llmfs.tui.screens.ScreenFixture.key;
import static llmfs.tui.screens.ScreenFixture.rowOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tokenizer playground, drawn into a canvas and driven with key strokes. */
class TokenizerPlaygroundViewTest {
    @TempDir
    Path tmp;
    private ScreenFixture fx;
    private TokenizerPlaygroundView view;

    @BeforeEach
    void open() throws Exception {
        fx = new ScreenFixture(tmp.resolve("ws"), Caps.PLAIN);
        view = new TokenizerPlaygroundView(fx.ctx);
        ScreenFixture.await("the tokenizer", 60_000, () -> fx.ctx.shakespeareTokenizer().done());
        assertEquals(null, fx.ctx.shakespeareTokenizer().error());
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void showsTheCourseTokensOfAKnownLine() {
        view.onKey(key(KeyType.Enter), fx);
        assertEquals("", view.input(), "Enter clears the line");
        assertTrue(ScreenFixture.rowOf(draw(view, Caps.PLAIN), "Nothing typed yet.") >= 0);
        fx.type(view, "To be or not to be");
        Canvas c = draw(view, Caps.PLAIN);
        // The original course printed ['To ', 'be ', 'or', ' ', 'not ', 'to ', 'be'] = ids 227 197 77 1 136 92 178.
        assertTrue(rowOf(c, "[To_][be_][or][_][not_][to_][be]") >= 0, c.text());
        assertTrue(rowOf(c, "18 characters -> 7 tokens - 2.57 characters per token") >= 0, c.text());
        assertTrue(rowOf(c, "ids: 227 197 77 1 136 92 178") >= 0, c.text());
        assertTrue(rowOf(c, "> To be or not to be") >= 0, c.text());
        assertTrue(Files.exists(ShakespeareTokenizer.cacheFile(tmp.resolve("ws"))), "trained once, then cached");
    }

    @Test
    void backspaceEditsAndEveryPrintableKeyIsText() {
        view.onKey(key(KeyType.Enter), fx);
        fx.type(view, "the kingq?");
        assertEquals("the kingq?", view.input(), "q and ? are text here, not back and help");
        view.onKey(key(KeyType.Backspace), fx);
        view.onKey(key(KeyType.Backspace), fx);
        assertEquals("the king", view.input());
        // The course: 'the king' -> ['the ', 'k', 'ing'].
        assertEquals(3, view.pieces().size());
        assertEquals("the ", view.pieces().get(0).text());
        assertEquals("ing", view.pieces().get(2).text());
        assertFalse(view.onKey(key(KeyType.Escape), fx), "Esc is left to the frame: it goes back");
        assertTrue(view.takesText());
        view.onKey(key(KeyType.Enter), fx);
        view.onKey(key(KeyType.Backspace), fx);
        assertEquals("", view.input(), "Backspace on an empty line does nothing");
    }

    @Test
    void unknownCharactersAreMarkedNotFatal() {
        view.onKey(key(KeyType.Enter), fx);
        fx.type(view, "café au lait");
        Canvas c = draw(view, Caps.FULL);
        int row = rowOf(c, "<é?>");
        assertTrue(row >= 0, c.text());
        int col = c.row(row).indexOf("<é?>");
        assertEquals(Role.BAD, c.roleAt(col + 1, row), "the unknown character stands out");
        assertTrue(rowOf(c, "'é' (U+00E9)") >= 0, c.text());
        long unknown = view.pieces().stream().filter(p -> p.unknown()).count();
        assertEquals(1, unknown);
        StringBuilder joined = new StringBuilder();
        view.pieces().forEach(p -> joined.append(p.text()));
        assertEquals("café au lait", joined.toString(), "the pieces cover the whole line");
    }

    @Test
    void neighbouringTokensAlternateColours() {
        view.onKey(key(KeyType.Enter), fx);
        fx.type(view, "the king");
        Canvas c = draw(view, Caps.FULL);
        int row = rowOf(c, "the␣king");
        assertTrue(row >= 0, "with colour the tokens sit side by side: " + c.text());
        int x = c.row(row).indexOf("the␣king");
        Role first = c.roleAt(x, row);
        Role second = c.roleAt(x + 4, row); // 'k'
        Role third = c.roleAt(x + 5, row);  // 'ing'
        assertNotEquals(first, second);
        assertEquals(first, third);
    }
}
