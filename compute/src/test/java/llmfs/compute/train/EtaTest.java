package llmfs.compute.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EtaTest {
    @Test
    void noEstimateUntilAFewStepsAreTimedAndTheSlowFirstStepDoesNotCount() {
        Eta eta = new Eta();
        // Step 1 took 10 s (warm-up and the first evaluation), then 0.1 s per step; 150 steps in all.
        assertTrue(Double.isNaN(eta.update(1, 10.0, 150)));
        double t = 10.0;
        for (int s = 2; s <= Eta.WARMUP; s++) assertTrue(Double.isNaN(eta.update(s, t += 0.1, 150)), "step " + s);
        double first = eta.update(Eta.WARMUP + 1, t += 0.1, 150);
        assertEquals(0.1 * (150 - Eta.WARMUP - 1), first, 1e-6, "about 14.5 s left, not an hour");
    }

    @Test
    void oneSlowStepMovesTheEstimateOnlyPartWay() {
        Eta eta = new Eta();
        double t = 0;
        for (int s = 1; s <= 10; s++) eta.update(s, t += 1.0, 100);
        double after = eta.update(11, t += 11.0, 100); // an evaluation made this step 11 s
        assertTrue(after > 89 && after < 89 * 11, "smoothed: " + after);
        assertTrue(after < 89 * 4, "one slow step must not quadruple the estimate: " + after);
        assertEquals(0, eta.update(100, t + 1, 100), 1e-9);
    }
}
