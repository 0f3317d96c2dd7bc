package llmfs.tui.widgets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanvasTest {

    @Test
    void newCanvasIsBlank() {
        Canvas c = new Canvas(3, 2);
        assertEquals("   \n   ", c.text());
        assertEquals(Role.TEXT, c.roleAt(2, 1));
        assertFalse(c.boldAt(0, 0));
    }

    @Test
    void putWritesStyleAndClipsAtTheRightEdge() {
        Canvas c = new Canvas(5, 1);
        int end = c.put(3, 0, "abc", Role.CODE, true);
        assertEquals("   ab", c.row(0));
        assertEquals(6, end, "returns the column after the text even when clipped");
        assertEquals(Role.CODE, c.roleAt(4, 0));
        assertTrue(c.boldAt(3, 0));
    }

    @Test
    void negativeStartClipsLeadingCharacters() {
        Canvas c = new Canvas(4, 1);
        c.put(-2, 0, "wxyz", Role.TEXT);
        assertEquals("yz  ", c.row(0));
    }

    @Test
    void writesOutsideAreIgnored() {
        Canvas c = new Canvas(2, 2);
        c.set(-1, 0, 'x', Role.TEXT);
        c.set(0, 2, 'x', Role.TEXT);
        c.put(0, 5, "hello", Role.TEXT);
        assertEquals("  \n  ", c.text());
    }

    @Test
    void controlCharactersAndAstralCodePointsTakeOneSafeCell() {
        Canvas c = new Canvas(4, 1);
        c.put(0, 0, "a\tb\uD83D\uDE00", Role.TEXT);
        // The tab becomes a space, the emoji (two chars) one '?'.
        assertEquals("a b?", c.row(0));
    }

    @Test
    void styledLinesKeepTheirSpans() {
        Canvas c = new Canvas(6, 1);
        StyledLine line = new StyledLine.Builder()
                .append("ab", Role.ACCENT, false).append("cd", Role.CODE, true).build();
        c.put(1, 0, line);
        assertEquals(" abcd ", c.row(0));
        assertEquals(Role.ACCENT, c.roleAt(2, 0));
        assertEquals(Role.CODE, c.roleAt(3, 0));
        assertTrue(c.boldAt(4, 0));
    }

    @Test
    void readingOutsideThrows() {
        Canvas c = new Canvas(2, 2);
        assertThrows(IndexOutOfBoundsException.class, () -> c.charAt(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> c.row(-1));
        assertThrows(IllegalArgumentException.class, () -> new Canvas(-1, 3));
    }
}
