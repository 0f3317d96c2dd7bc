package llmfs.tutor.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareTest {
    @Test
    void withinAbsoluteAndRelativeTolerance() {
        // |1000.5 - 1000| = 0.5 <= 0.01 + 0.001 * 1000 = 1.01
        assertTrue(Compare.close(1000, 1000.5, 0.01, 0.001));
        // |0.5 - 0| = 0.5 > 0.01 + 0.001 * 0
        assertFalse(Compare.close(0, 0.5, 0.01, 0.001));
        assertTrue(Compare.close(Double.NaN, Double.NaN, 0, 0));
        assertFalse(Compare.close(1, Double.NaN, 1, 1));
        assertTrue(Compare.close(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 0));
        assertFalse(Compare.close(Double.POSITIVE_INFINITY, 1e308, 1, 1));
    }

    @Test
    void findsTheFirstBadElementAndTheLargestError() {
        float[] expected = {1, 2, 3, 4, 5, 6};
        float[] actual = {1, 2, 3.5f, 4, 5, 9};
        Comparison c = Compare.floats(expected, actual, 1e-6, 0);
        assertFalse(c.matches());
        assertEquals(2, c.firstBadIndex());
        assertEquals(3.0, c.maxAbsError(), 0);
        assertEquals("at [2]: expected 3.0000 but got 3.5000", c.firstDiff());
        assertEquals("at [1, 0]: expected 3.0000 but got 3.5000", c.firstDiff(2, 2));
        assertEquals("at [0, 2]: expected 3.0000 but got 3.5000", c.firstDiff(2, 3));
    }

    @Test
    void matchingArraysReportTheirLargestError() {
        Comparison c = Compare.doubles(new double[]{1, 2}, new double[]{1.0005, 2}, 1e-3, 0);
        assertTrue(c.matches());
        assertEquals(0.0005, c.maxAbsError(), 1e-12);
        assertEquals(-1, c.firstBadIndex());
        assertNull(c.firstDiff());
        assertThrows(IllegalStateException.class, () -> c.toFailure("x"));
    }

    @Test
    void lengthMismatchAndNullAreFailures() {
        Comparison shorter = Compare.ints(new int[]{1, 2, 3}, new int[]{1, 2});
        assertFalse(shorter.matches());
        assertEquals(2, shorter.firstBadIndex());
        assertEquals("expected 3 values but got 2", shorter.firstDiff());
        assertNull(shorter.toFailure("bad").maxError());

        Comparison none = Compare.floats(new float[]{1}, null, 1, 1);
        assertFalse(none.matches());
        assertEquals("got null instead of 1 values", none.firstDiff());
    }

    @Test
    void aNanFromTheLearnerIsNeverClose() {
        Comparison c = Compare.floats(new float[]{1, 2}, new float[]{1, Float.NaN}, 100, 100);
        assertFalse(c.matches());
        assertEquals(1, c.firstBadIndex());
        assertEquals(Double.POSITIVE_INFINITY, c.maxAbsError());
        assertEquals("at [1]: expected 2.0000 but got NaN", c.firstDiff());
    }

    @Test
    void failureReportCarriesTheFacts() {
        Comparison c = Compare.floats(new float[]{0, 0, 0, 1}, new float[]{0, 0, 0, 3}, 1e-6, 0);
        CheckReport r = c.toFailure("wrong output", 2, 2);
        assertFalse(r.passed());
        assertEquals("wrong output", r.headline());
        assertEquals(2.0, r.maxError());
        assertEquals("at [1, 1]: expected 1.0000 but got 3.0000", r.firstDiff());
    }

    @Test
    void untouchedMeansNullEmptyOrAllZeros() {
        assertTrue(Compare.untouched((float[]) null));
        assertTrue(Compare.untouched(new float[0]));
        assertTrue(Compare.untouched(new double[3]));
        assertTrue(Compare.untouched(new int[]{0, 0}));
        assertFalse(Compare.untouched(new float[]{0, 0, 1e-9f}));
        assertFalse(Compare.untouched(new int[]{0, -1}));
    }

    @Test
    void indexAndFormatting() {
        assertEquals("[1, 2, 3]", Compare.index(1 * 12 + 2 * 4 + 3, 2, 3, 4));
        assertEquals("[30]", Compare.index(30, 2, 3, 4)); // outside the shape: flat
        assertEquals("1.5000e-05", Compare.format(1.5e-5));
        assertEquals("-2.2500", Compare.format(-2.25));
        assertEquals("[1.0000, 2.0000, … (3 values)]", Compare.preview(new float[]{1, 2, 3}, 2));
    }

    @Test
    void pairsShowEnoughDigitsToSeeTheDifference() {
        String[] f = Compare.formatPair(0.3, 0.30000001);
        assertEquals("0.30000000", f[0]);
        assertEquals("0.30000001", f[1]);
        assertEquals("1.5000", Compare.formatPair(1.5, 2.5)[0]); // already different at 4 decimals
        String[] tiny = Compare.formatPair(1.23456e-5, 1.23457e-5);
        org.junit.jupiter.api.Assertions.assertNotEquals(tiny[0], tiny[1]);
        Comparison c = Compare.doubles(new double[]{2.0}, new double[]{2.0000003}, 0, 1e-9);
        assertEquals("at [0]: expected 2.0000000 but got 2.0000003", c.firstDiff());
    }
}
