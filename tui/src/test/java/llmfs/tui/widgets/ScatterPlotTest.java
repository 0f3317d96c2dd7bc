package llmfs.tui.widgets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScatterPlotTest {

    @Test
    void pointsAreScaledOntoTheCellsInsideTheFrame() {
        // 22x13 leaves 20 columns (canvas 1..20) and 10 rows (canvas 2..11) inside the frame. With x spanning
        // 0..19 and y spanning 0..9, one unit is exactly one cell, and y grows upwards.
        ScatterPlot p = new ScatterPlot()
                .add(0, 0, "a", "vowel")
                .add(19, 4, "b", "consonant")
                .add(9, 9, "c", "consonant");
        Canvas c = Canvas.of(p, 22, 13, Caps.FULL);
        assertEquals('a', c.charAt(1, 11));
        assertEquals('b', c.charAt(20, 11 - 4));
        assertEquals('c', c.charAt(10, 2));
    }

    @Test
    void groupsGetTheirOwnRoles() {
        ScatterPlot p = new ScatterPlot().add(0, 0, "a", "vowel").add(1, 1, "b", "consonant");
        Canvas c = Canvas.of(p, 20, 8, Caps.FULL);
        assertEquals(Role.SERIES_1, roleOf(c, 'a'));
        assertEquals(Role.SERIES_2, roleOf(c, 'b'));
        assertTrue(c.row(0).contains("vowel") && c.row(0).contains("consonant"));
    }

    @Test
    void withoutColourTheSecondGroupIsBold() {
        ScatterPlot p = new ScatterPlot().add(0, 0, "a", "vowel").add(1, 1, "b", "consonant");
        Canvas c = Canvas.of(p, 20, 8, new Caps(true, false));
        assertFalse(boldOf(c, 'a'));
        assertTrue(boldOf(c, 'b'));
    }

    @Test
    void overlappingLabelsKeepTheFirstAndCountTheRest() {
        ScatterPlot p = new ScatterPlot()
                .add(0, 0, "x", "g")
                .add(0, 0, "y", "g")
                .add(5, 5, "z", "g");
        Canvas c = Canvas.of(p, 40, 10, Caps.FULL);
        String all = c.text();
        assertTrue(all.contains("x"));
        assertFalse(all.substring(all.indexOf('\n')).contains("y"), "the later label is hidden");
        assertEquals(1, p.hiddenLabels());
        assertTrue(c.row(0).contains("1 label hidden"), c.row(0));
    }

    @Test
    void aCollisionOnlyInTheTailStillMarksThePoint() {
        // "long" occupies four cells from its point; "q" lands inside it at a different point.
        ScatterPlot p = new ScatterPlot().add(0, 0, "long", "g").add(1, 0, "qq", "g").add(30, 0, "end", "g");
        Canvas c = Canvas.of(p, 33, 6, Caps.PLAIN);
        assertEquals(1, p.hiddenLabels());
        assertFalse(c.text().contains("qq"));
    }

    @Test
    void axisTitlesSitOnTheFrame() {
        ScatterPlot p = new ScatterPlot().xTitle("PC1 (23.4%)").yTitle("PC2 (12.1%)").add(0, 0, "a", "g");
        Canvas c = Canvas.of(p, 40, 10, Caps.PLAIN);
        assertTrue(c.row(1).startsWith("+- PC2 (12.1%) -"), c.row(1));
        assertTrue(c.row(9).contains(" PC1 (23.4%) "), c.row(9));
        assertTrue(c.text().chars().allMatch(ch -> ch < 128));
    }

    private static Role roleOf(Canvas c, char ch) {
        for (int y = 2; y < c.height(); y++) {
            int x = c.row(y).indexOf(ch);
            if (x >= 0) {
                return c.roleAt(x, y);
            }
        }
        throw new AssertionError("'" + ch + "' not drawn:\n" + c.text());
    }

    private static boolean boldOf(Canvas c, char ch) {
        for (int y = 2; y < c.height(); y++) {
            int x = c.row(y).indexOf(ch);
            if (x >= 0) {
                return c.boldAt(x, y);
            }
        }
        throw new AssertionError("'" + ch + "' not drawn:\n" + c.text());
    }
}
