package llmfs.tui.widgets;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeatmapTest {

    private static final double[][] MATRIX = {
            {0.0, 0.2, 0.4},
            {0.6, 1.0, 0.8},
    };

    @Test
    void maximumIsTheDarkestShadeAndMinimumIsBlank() {
        Canvas c = Canvas.of(new Heatmap(MATRIX), 20, 5, Caps.FULL);
        // No labels: matrix cell (r, col) starts at column 2*col of row r (two columns per cell).
        assertEquals('\u2588', c.charAt(2, 1));
        assertEquals('\u2588', c.charAt(3, 1));
        assertEquals(' ', c.charAt(0, 0));
    }

    @Test
    void asciiUsesTheTenLevelRamp() {
        Canvas c = Canvas.of(new Heatmap(MATRIX), 20, 5, Caps.PLAIN);
        assertEquals('@', c.charAt(2, 1));
        // 0.4 of the range on ten levels (0..9): round(3.6) = 4, the fifth character of " .:-=+*#%@".
        assertEquals('=', c.charAt(4, 0));
        assertTrue(c.text().chars().allMatch(ch -> ch < 128));
    }

    @Test
    void shadesIncreaseWithValue() {
        String ramp = " \u2591\u2592\u2593\u2588";
        Canvas c = Canvas.of(new Heatmap(new double[][] {{0, 1, 2, 3, 4}}), 20, 3, Caps.FULL);
        for (int col = 0; col < 5; col++) {
            assertEquals(ramp.charAt(col), c.charAt(2 * col, 0));
        }
    }

    @Test
    void fixedRangeMapsValuesAgainstIt() {
        // With the range fixed to 0..2, a maximum of 1 is only half way: the middle shade.
        Canvas c = Canvas.of(new Heatmap(new double[][] {{1}}).range(0, 2), 10, 3, Caps.FULL);
        assertEquals('\u2592', c.charAt(0, 0));
    }

    @Test
    void labelsAndLegendAreShown() {
        Heatmap h = new Heatmap(MATRIX).rowLabels(List.of("q1", " ")).columnLabels(List.of("a", "b", "\n"));
        Canvas c = Canvas.of(h, 20, 5, Caps.FULL);
        assertEquals("   a b \u21B5", c.row(0).stripTrailing());
        assertTrue(c.row(1).startsWith("q1 "));
        assertTrue(c.row(2).startsWith(" \u2423 "), "a space token is made visible");
        assertTrue(c.row(3).contains("0 \u2026 1"), c.row(3));
    }

    @Test
    void tooLargeMatrixIsCutAndSaysSo() {
        double[][] big = new double[30][30];
        big[0][0] = 1;
        // 50 columns fit 30 one-column cells (not 60 two-column ones); 6 rows leave 5 for the matrix.
        Canvas c = Canvas.of(new Heatmap(big), 50, 6, Caps.PLAIN);
        assertTrue(c.row(5).contains("showing 5x30 of 30x30"), c.text());
        assertEquals('@', c.charAt(0, 0));
        assertEquals(' ', c.charAt(1, 0), "one column per cell");
    }

    @Test
    void raggedMatrixIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Heatmap(new double[][] {{1, 2}, {3}}));
    }

    @Test
    void nonFiniteCellsAreMarked() {
        Canvas c = Canvas.of(new Heatmap(new double[][] {{Double.NaN, 1}}), 10, 3, Caps.FULL);
        assertEquals('?', c.charAt(0, 0));
        assertEquals(Role.BAD, c.roleAt(0, 0));
    }
}
