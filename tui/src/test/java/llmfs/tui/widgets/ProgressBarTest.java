package llmfs.tui.widgets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {

    /** With an empty caption a width of 23 leaves 20 bar cells: '[' + 20 + ']' + one space. */
    private static final int WIDTH_FOR_20_CELLS = 23;

    @Test
    void halfFillsHalfTheBarInAscii() {
        String s = ProgressBar.render(WIDTH_FOR_20_CELLS, 0.5, "", false);
        assertEquals("[" + "#".repeat(10) + "-".repeat(10) + "] ", s);
    }

    @Test
    void halfFillsHalfTheBarInUnicode() {
        String s = ProgressBar.render(WIDTH_FOR_20_CELLS, 0.5, "", true);
        assertEquals("[" + "\u2588".repeat(10) + " ".repeat(10) + "] ", s);
    }

    @Test
    void eighthBlocksShowSubCellProgress() {
        // 1/16 of 20 cells is 1.25 cells: one full block and a quarter block (two eighths).
        String s = ProgressBar.render(WIDTH_FOR_20_CELLS, 1.0 / 16, "", true);
        assertEquals("[\u2588\u258E" + " ".repeat(18) + "] ", s);
        // 3/8 of a cell: 0.375 / 20 of the bar.
        assertEquals('\u258D', ProgressBar.render(WIDTH_FOR_20_CELLS, 0.375 / 20, "", true).charAt(1));
    }

    @Test
    void almostDoneIsNotShownAsDone() {
        String s = ProgressBar.render(WIDTH_FOR_20_CELLS, 0.999, "", false);
        assertEquals(19, s.chars().filter(c -> c == '#').count());
    }

    @Test
    void fractionIsClamped() {
        assertEquals(20, ProgressBar.render(WIDTH_FOR_20_CELLS, 7, "", false).chars().filter(c -> c == '#').count());
        assertEquals(0, ProgressBar.render(WIDTH_FOR_20_CELLS, -1, "", false).chars().filter(c -> c == '#').count());
        assertEquals(0, ProgressBar.render(WIDTH_FOR_20_CELLS, Double.NaN, "", false).chars().filter(c -> c == '#')
                .count());
    }

    @Test
    void captionFollowsTheBarAndResultHasExactWidth() {
        String caption = "step 1200/2000 \u00B7 41,000 tok/s \u00B7 ETA 0:42";
        String s = ProgressBar.render(80, 0.6, caption, true);
        assertEquals(80, s.length());
        assertTrue(s.endsWith("] " + caption), s);
    }

    @Test
    void longCaptionIsCutWithAnEllipsis() {
        String s = ProgressBar.render(30, 0.5, "a caption far too long for the thirty columns we have", false);
        assertEquals(30, s.length());
        assertTrue(s.startsWith("[#####-----] a caption"), s);
        assertTrue(s.endsWith("..."), s);
    }

    @Test
    void asciiModeFoldsTheCaption() {
        String s = ProgressBar.render(60, 0.5, "step 1 \u00B7 ETA 0:42", false);
        assertTrue(s.chars().allMatch(c -> c < 128), s);
        assertTrue(s.contains("step 1 - ETA 0:42"), s);
    }

    @Test
    void widgetDrawsTheSameBarWithRoles() {
        ProgressBar bar = new ProgressBar();
        bar.update(0.5, "half");
        Canvas c = Canvas.of(bar, 40, 1, Caps.PLAIN);
        assertEquals(ProgressBar.render(40, 0.5, "half", false), c.row(0));
        assertEquals(Role.ACCENT, c.roleAt(1, 0));
        assertEquals(Role.DIM, c.roleAt(c.row(0).indexOf('-'), 0));
        bar.update(1, "done");
        assertEquals(Role.GOOD, Canvas.of(bar, 40, 1, Caps.PLAIN).roleAt(1, 0));
    }
}
