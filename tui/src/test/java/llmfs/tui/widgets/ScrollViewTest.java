package llmfs.tui.widgets;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScrollViewTest {

    /** Lines "L0".."L99" whatever the width. */
    private static final LineSource HUNDRED = (width, unicode) -> {
        List<StyledLine> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add(StyledLine.of("L" + i, Role.TEXT));
        }
        return lines;
    };

    @Test
    void showsAWindowAndAStatusLine() {
        ScrollView view = new ScrollView(HUNDRED);
        Canvas c = Canvas.of(view, 20, 11, Caps.FULL);   // ten content rows + status
        assertEquals("L0", c.row(0).trim());
        assertEquals("L9", c.row(9).trim());
        assertEquals("line 1\u201310 of 100", c.row(10).trim());
        assertEquals(Role.DIM, c.roleAt(19, 10));
    }

    @Test
    void pagingKeepsOneLineOfContext() {
        ScrollView view = new ScrollView(HUNDRED);
        Canvas.of(view, 20, 11, Caps.FULL);
        view.pageDown();
        assertEquals(9, view.offset());
        Canvas c = Canvas.of(view, 20, 11, Caps.FULL);
        assertEquals("L9", c.row(0).trim(), "the last line of the previous page is now the first");
        view.pageUp();
        assertEquals(0, view.offset());
    }

    @Test
    void homeAndEndGoToTheEdgesAndScrollingIsClamped() {
        ScrollView view = new ScrollView(HUNDRED);
        Canvas.of(view, 20, 11, Caps.PLAIN);
        view.end();
        assertEquals(90, view.offset());
        assertEquals("line 91-100 of 100", view.status(false));
        view.lineDown();
        assertEquals(90, view.offset());
        view.home();
        view.lineUp();
        assertEquals(0, view.offset());
    }

    @Test
    void endBeforeTheFirstRenderStillShowsTheLastPage() {
        ScrollView view = new ScrollView(HUNDRED);
        view.end();
        Canvas c = Canvas.of(view, 20, 6, Caps.FULL);
        assertEquals("L99", c.row(4).trim());
    }

    @Test
    void keysScroll() {
        ScrollView view = new ScrollView(HUNDRED);
        Canvas.of(view, 20, 11, Caps.FULL);
        assertTrue(view.handle(new KeyStroke(KeyType.PageDown)));
        assertTrue(view.handle(new KeyStroke(KeyType.ArrowDown)));
        assertEquals(10, view.offset());
        assertTrue(view.handle(new KeyStroke(' ', false, false)));
        assertEquals(19, view.offset());
        assertTrue(view.handle(new KeyStroke(KeyType.Home)));
        assertEquals(0, view.offset());
        assertFalse(view.handle(new KeyStroke('q', false, false)));
    }

    @Test
    void resizeKeepsTheRelativePosition() {
        // Twice as many lines at half the width, as reflowing text would do.
        LineSource reflowing = (width, unicode) -> {
            int n = width >= 40 ? 100 : 200;
            List<StyledLine> lines = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                lines.add(StyledLine.of("row " + i, Role.TEXT));
            }
            return lines;
        };
        ScrollView view = new ScrollView(reflowing);
        Canvas.of(view, 40, 11, Caps.FULL);
        view.scrollBy(30);
        Canvas.of(view, 20, 11, Caps.FULL);
        assertEquals(60, view.offset());
    }

    @Test
    void rendersMarkdown() {
        ScrollView view = new ScrollView(new MarkdownView("# Title\n\nbody text"));
        Canvas c = Canvas.of(view, 30, 6, Caps.FULL);
        assertEquals("Title", c.row(0).trim());
        assertEquals("body text", c.row(3).trim());
        assertEquals("line 1\u20134 of 4", c.row(5).trim());
    }
}
