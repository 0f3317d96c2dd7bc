package llmfs.tui.widgets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CompactTest {

    @Test
    void threeSignificantDigits() {
        assertEquals("3.30", Compact.format(3.2987));
        assertEquals("0.0321", Compact.format(0.03214));
        assertEquals("123", Compact.format(123.4));
        assertEquals("-1.50", Compact.format(-1.5));
    }

    @Test
    void integersBelowTenThousandInFull() {
        assertEquals("0", Compact.format(0));
        assertEquals("2000", Compact.format(2000));
    }

    @Test
    void largeNumbersGetSuffixes() {
        assertEquals("41k", Compact.format(41000));
        assertEquals("12.3k", Compact.format(12345));
        assertEquals("1.5M", Compact.format(1_500_000));
    }

    @Test
    void tinyNumbersUseScientificForm() {
        assertEquals("1.2e-5", Compact.format(0.0000123));
    }

    @Test
    void nonFiniteValuesAreSpelledOut() {
        assertEquals("nan", Compact.format(Double.NaN));
        assertEquals("inf", Compact.format(Double.POSITIVE_INFINITY));
        assertEquals("-inf", Compact.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void ticksShowJustTheDecimalsTheStepNeeds() {
        assertEquals("1.5", Compact.tick(1.5, 0.5));
        assertEquals("2.0", Compact.tick(2.0, 0.5));
        assertEquals("0.25", Compact.tick(0.25, 0.25));
        assertEquals("0.032", Compact.tick(0.032, 0.002));
        assertEquals("3", Compact.tick(3, 1));
        assertEquals("40k", Compact.tick(40000, 20000));
        assertEquals("0.0", Compact.tick(-1e-17, 0.5), "rounding noise around zero must not print -0.0");
    }
}
