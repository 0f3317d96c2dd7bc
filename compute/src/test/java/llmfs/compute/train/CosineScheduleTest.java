package llmfs.compute.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CosineScheduleTest {

    @Test
    void warmsUpLinearlyThenFollowsHalfACosineToTheFloor() {
        CosineSchedule s = new CosineSchedule(1e-3, 1e-4, 10, 110);
        assertEquals(1e-4, s.lr(0), 1e-15);      // 1/10 of the peak at the first step
        assertEquals(5e-4, s.lr(4), 1e-15);
        assertEquals(1e-3, s.lr(9), 1e-15);      // the peak at the end of warm-up
        assertEquals(1e-3, s.lr(10), 1e-15);     // the decay starts at the peak
        assertEquals(1e-4 + 0.5 * 9e-4, s.lr(60), 1e-15); // half way down
        assertEquals(1e-4, s.lr(110), 1e-15);
        assertEquals(1e-4, s.lr(5000), 1e-15);
        for (long t = 11; t < 110; t++) assertTrue(s.lr(t) < s.lr(t - 1), "decreasing at " + t);
    }

    @Test
    void withoutWarmUpItIsTheCoursesCosineAnnealing() {
        CosineSchedule s = new CosineSchedule(3e-4, 0, 0, 150);
        for (int e = 0; e <= 150; e += 25) {
            assertEquals(0.5 * 3e-4 * (1 + Math.cos(Math.PI * e / 150)), s.lr(e), 1e-15, "epoch " + e);
        }
    }

    @Test
    void rejectsSettingsThatMakeNoSense() {
        assertThrows(IllegalArgumentException.class, () -> new CosineSchedule(1e-3, 1e-2, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new CosineSchedule(1e-3, 0, 20, 10));
        assertThrows(IllegalArgumentException.class, () -> new CosineSchedule(0, 0, 0, 10));
    }
}
