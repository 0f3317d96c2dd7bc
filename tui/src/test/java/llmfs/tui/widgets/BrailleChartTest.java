package llmfs.tui.widgets;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrailleChartTest {

    private static boolean isSeries(Role r) {
        return r == Role.SERIES_1 || r == Role.SERIES_2 || r == Role.SERIES_3 || r == Role.SERIES_4;
    }

    private static boolean isBraille(char c) {
        return c > '\u2800' && c <= '\u28FF';
    }

    /** Mean row of the cells drawn for a series in a column range. */
    private static double meanRow(Canvas c, Role role, int fromCol, int toCol) {
        double sum = 0;
        int n = 0;
        for (int y = 1; y < c.height() - 1; y++) {
            for (int x = fromCol; x < toCol; x++) {
                if (c.roleAt(x, y) == role && c.charAt(x, y) != ' ') {
                    sum += y;
                    n++;
                }
            }
        }
        assertTrue(n > 0, "series drawn in columns " + fromCol + ".." + toCol);
        return sum / n;
    }

    @Test
    void risingSeriesIsHigherOnTheRight() {
        BrailleChart chart = new BrailleChart();
        ChartSeries s = chart.addSeries("acc");
        for (int i = 0; i <= 100; i++) {
            s.add(i, i);
        }
        Canvas c = Canvas.of(chart, 40, 12, Caps.FULL);
        // Rows grow downwards, so "higher" means a smaller row index.
        assertTrue(meanRow(c, Role.SERIES_1, 30, 40) < meanRow(c, Role.SERIES_1, 0, 15), c.text());
        boolean braille = false;
        for (int y = 0; y < c.height(); y++) {
            for (int x = 0; x < c.width(); x++) {
                braille |= c.roleAt(x, y) == Role.SERIES_1 && isBraille(c.charAt(x, y));
            }
        }
        assertTrue(braille, "drawn in braille with unicode on");
    }

    @Test
    void twoSeriesUseDistinctGlyphsWithoutColour() {
        for (Caps caps : new Caps[] {new Caps(true, false), Caps.PLAIN}) {
            BrailleChart chart = new BrailleChart();
            ChartSeries a = chart.addSeries("train");
            ChartSeries b = chart.addSeries("val");
            for (int i = 0; i <= 50; i++) {
                a.add(i, 3 - i * 0.02);
                b.add(i, 1 + i * 0.02);
            }
            Canvas c = Canvas.of(chart, 50, 14, caps);
            Set<Character> glyphsA = new HashSet<>();
            Set<Character> glyphsB = new HashSet<>();
            for (int y = 1; y < c.height() - 1; y++) {
                for (int x = 0; x < c.width(); x++) {
                    if (c.roleAt(x, y) == Role.SERIES_1) {
                        glyphsA.add(c.charAt(x, y));
                    } else if (c.roleAt(x, y) == Role.SERIES_2) {
                        glyphsB.add(c.charAt(x, y));
                    }
                }
            }
            assertFalse(glyphsA.isEmpty() || glyphsB.isEmpty(), c.text());
            Set<Character> shared = new HashSet<>(glyphsA);
            shared.retainAll(glyphsB);
            assertTrue(shared.isEmpty(), caps + " shares glyphs " + shared + "\n" + c.text());
        }
    }

    @Test
    void targetBandIsDrawnAtItsRow() {
        // y fixed to 0..8 over 8 plot rows: each row covers about one unit, top row around 8, so 4.5 falls in
        // the fourth row (index 3), which is canvas row 4 below the legend line.
        BrailleChart chart = new BrailleChart().fixedYMin(0).fixedYMax(8).target(4.5, 4.5, "goal");
        ChartSeries s = chart.addSeries("loss");
        s.add(0, 7.5);
        s.add(1, 7.5);
        Canvas c = Canvas.of(chart, 40, 10, Caps.FULL);
        for (int y = 1; y <= 8; y++) {
            boolean band = false;
            for (int x = 6; x < 40; x++) {
                band |= c.roleAt(x, y) == Role.DIM && isBraille(c.charAt(x, y));
            }
            assertEquals(y == 4, band, "band on row " + y + "\n" + c.text());
        }
        assertTrue(c.row(4).contains("goal"), "label next to the band");
        assertTrue(c.row(0).contains("goal"), "label in the legend");
    }

    @Test
    void targetBandInAsciiIsADottedRow() {
        BrailleChart chart = new BrailleChart().fixedYMin(0).fixedYMax(8).target(4.5, 4.5, "");
        chart.addSeries("loss").add(0, 7.5);
        Canvas c = Canvas.of(chart, 40, 10, Caps.PLAIN);
        assertTrue(c.row(4).contains("......"), c.text());
        assertFalse(c.row(5).contains("...."), c.text());
    }

    @Test
    void legendShowsNamesAndLatestValues() {
        BrailleChart chart = new BrailleChart();
        ChartSeries train = chart.addSeries("train loss");
        ChartSeries val = chart.addSeries("val loss");
        train.add(0, 3.5);
        train.add(1, 2.3456);
        val.add(1, Double.NaN);
        Canvas c = Canvas.of(chart, 60, 8, Caps.FULL);
        String legend = c.row(0);
        assertTrue(legend.contains("train loss 2.35"), legend);
        assertTrue(legend.contains("val loss nan"), legend);
        int nan = legend.indexOf("nan");
        assertEquals(Role.BAD, c.roleAt(nan, 0));
    }

    @Test
    void fixedXMaxLetsTheCurveGrowFromTheLeft() {
        BrailleChart chart = new BrailleChart().fixedXMax(1000).xLabel("step");
        ChartSeries s = chart.addSeries("loss");
        for (int i = 0; i <= 400; i++) {
            s.add(i, Math.exp(-i / 100.0));
        }
        Canvas c = Canvas.of(chart, 60, 10, Caps.FULL);
        int rightmost = -1;
        int leftmost = Integer.MAX_VALUE;
        for (int y = 1; y < c.height() - 1; y++) {
            for (int x = 0; x < c.width(); x++) {
                if (isSeries(c.roleAt(x, y)) && c.charAt(x, y) != ' ') {
                    rightmost = Math.max(rightmost, x);
                    leftmost = Math.min(leftmost, x);
                }
            }
        }
        // 400 of 1000 steps: the curve must stop well before the middle of the plot.
        assertTrue(rightmost < leftmost + (60 - leftmost) / 2, c.text());
        String axis = c.row(c.height() - 1);
        assertTrue(axis.trim().startsWith("0") && axis.trim().endsWith("1000") && axis.contains("step"), axis);
    }

    @Test
    void thousandsOfPointsStillEndAtTheLatestPoint() {
        BrailleChart chart = new BrailleChart();
        ChartSeries s = chart.addSeries("spiky");
        for (int i = 0; i < 20_000; i++) {
            s.add(i, 0);
        }
        s.add(20_000, 10);
        Canvas c = Canvas.of(chart, 50, 12, Caps.FULL);
        // Only the last point is high: it must show up in the top plot row, in the last column.
        assertTrue(isBraille(c.charAt(49, 1)) && c.roleAt(49, 1) == Role.SERIES_1, c.text());
    }

    @Test
    void yAxisLabelsDescendFromTopToBottom() {
        BrailleChart chart = new BrailleChart();
        ChartSeries s = chart.addSeries("loss");
        for (int i = 0; i <= 100; i++) {
            s.add(i, 3.3 - i * 0.02);
        }
        Canvas c = Canvas.of(chart, 50, 12, Caps.PLAIN);
        double previous = Double.POSITIVE_INFINITY;
        int labels = 0;
        for (int y = 1; y < c.height() - 1; y++) {
            String row = c.row(y);
            int axis = row.indexOf('+');
            if (axis > 0) {
                double v = Double.parseDouble(row.substring(0, axis).trim());
                assertTrue(v < previous, row);
                assertTrue(v >= 1.3 - 0.2 && v <= 3.3 + 0.2, "tick " + v + " inside the data range (padded)");
                previous = v;
                labels++;
            }
        }
        assertTrue(labels >= 3 && labels <= 5, labels + " ticks\n" + c.text());
    }

    @Test
    void asciiFallbackUsesOnlyAscii() {
        BrailleChart chart = new BrailleChart().target(1, 1.2, "target \u2264 1.2").xLabel("step");
        ChartSeries s = chart.addSeries("train \u2013 loss");
        for (int i = 0; i <= 300; i++) {
            s.add(i, 1 + 2 * Math.exp(-i / 50.0));
        }
        String text = Canvas.of(chart, 60, 12, Caps.PLAIN).text();
        assertTrue(text.chars().allMatch(ch -> ch < 128), text);
        assertTrue(text.contains("*"), text);
    }

    @Test
    void emptyChartSaysItIsWaiting() {
        BrailleChart chart = new BrailleChart();
        chart.addSeries("loss");
        assertTrue(Canvas.of(chart, 40, 8, Caps.FULL).text().contains("waiting for data"));
    }

    @Test
    void anySizeRendersWithoutError() {
        BrailleChart chart = new BrailleChart().target(0.5, 0.6, "t");
        ChartSeries s = chart.addSeries("loss");
        for (int i = 0; i < 50; i++) {
            s.add(i, 1.0 / (i + 1));
        }
        for (int w = 0; w <= 12; w++) {
            for (int h = 0; h <= 6; h++) {
                int fw = w;
                int fh = h;
                assertDoesNotThrow(() -> Canvas.of(chart, fw, fh, Caps.FULL), w + "x" + h);
                assertDoesNotThrow(() -> Canvas.of(chart, fw, fh, Caps.PLAIN), w + "x" + h);
            }
        }
    }

    @Test
    void aFifthSeriesIsRefused() {
        BrailleChart chart = new BrailleChart();
        for (int i = 0; i < BrailleChart.MAX_SERIES; i++) {
            chart.addSeries("s" + i);
        }
        assertThrows(IllegalStateException.class, () -> chart.addSeries("one too many"));
    }
}
