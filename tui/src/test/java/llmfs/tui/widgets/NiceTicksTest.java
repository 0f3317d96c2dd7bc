package llmfs.tui.widgets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NiceTicksTest {

    @Test
    void picksTheFinestRoundStepWithinTheLimit() {
        // Steps 1 and 2 give 11 and 6 ticks on 0..10; 2.5 is the first that gives at most 5.
        NiceTicks t = NiceTicks.within(0, 10, 5);
        assertEquals(2.5, t.step(), 1e-12);
        assertArrayEquals(new double[] {0, 2.5, 5, 7.5, 10}, t.values(), 1e-12);
    }

    @Test
    void ticksStayInsideAnOddRange() {
        // 1.38..3.42 with at most 4 ticks: step 0.5 gives 1.5, 2.0, 2.5, 3.0.
        NiceTicks t = NiceTicks.within(1.38, 3.42, 4);
        assertArrayEquals(new double[] {1.5, 2.0, 2.5, 3.0}, t.values(), 1e-12);
    }

    @Test
    void countNeverExceedsTheLimitAcrossScales() {
        for (double span : new double[] {1e-6, 0.003, 0.7, 13, 4200, 9e7}) {
            for (int max = 2; max <= 5; max++) {
                NiceTicks t = NiceTicks.within(-span / 3, span, max);
                assertTrue(t.values().length >= 1 && t.values().length <= max, span + " max " + max);
                for (double v : t.values()) {
                    assertTrue(v >= -span / 3 - 1e-9 * span && v <= span + 1e-9 * span);
                }
            }
        }
    }

    @Test
    void tinyRangeFarFromZeroStillGetsTicks() {
        NiceTicks t = NiceTicks.within(1e12, 1e12 + 1e-3, 5);
        assertTrue(t.values().length >= 1);
        for (double v : t.values()) {
            assertTrue(v >= 1e12 - 1 && v <= 1e12 + 1, "tick " + v);
        }
    }
}
