package llmfs.tui.widgets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrailleGridTest {

    @Test
    void glyphsSpanTheBrailleBlock() {
        assertEquals('\u2800', BrailleGrid.glyph(0));
        assertEquals('\u28FF', BrailleGrid.glyph(0xFF));
    }

    @Test
    void dotsUseTheUnicodeBitOrder() {
        // Unicode braille: dots 1,2,3 (left column, top three) are bits 0..2, dots 4,5,6 (right) bits 3..5,
        // and the bottom row (dots 7, 8) bits 6 and 7.
        BrailleGrid g = new BrailleGrid(1, 1);
        g.set(0, 0);
        assertEquals(0x01, g.mask(0, 0));
        g.set(1, 0);
        assertEquals(0x09, g.mask(0, 0));
        g.set(0, 3);
        g.set(1, 3);
        assertEquals(0xC9, g.mask(0, 0));
        assertEquals('\u28C9', BrailleGrid.glyph(g.mask(0, 0)));
    }

    @Test
    void dotsLandInTheRightCell() {
        BrailleGrid g = new BrailleGrid(3, 2);
        g.set(5, 7);      // last dot column, last dot row
        assertEquals(0x80, g.mask(2, 1));
        assertEquals(1, g.dotCount(2, 1));
        assertEquals(0, g.mask(0, 0));
        g.set(6, 0);      // outside: ignored
        g.set(-1, 0);
        assertFalse(g.isSet(6, 0));
    }

    @Test
    void horizontalLineSetsEveryDotBetweenTheEnds() {
        BrailleGrid g = new BrailleGrid(4, 1);
        g.line(1, 2, 6, 2);
        for (int x = 0; x < 8; x++) {
            assertEquals(x >= 1 && x <= 6, g.isSet(x, 2), "dot " + x);
        }
    }

    @Test
    void steepLineIsConnected() {
        BrailleGrid g = new BrailleGrid(2, 4);
        g.line(0, 15, 3, 0);
        // A connected line has at least one dot in every dot row it spans.
        for (int y = 0; y <= 15; y++) {
            boolean any = false;
            for (int x = 0; x < 4; x++) {
                any |= g.isSet(x, y);
            }
            assertTrue(any, "row " + y);
        }
        assertTrue(g.isSet(0, 15) && g.isSet(3, 0), "both ends are drawn");
    }
}
