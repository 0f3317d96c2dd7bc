package llmfs.tutor.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Makes a failing input smaller before it is shown: a learner reads a two-name example far faster than a
 * twelve-name one. Greedy and bounded, so it stays cheap even when each test calls the learner's code.
 */
public final class Shrink {
    private Shrink() {
    }

    /**
     * The shortest list found by removing one element at a time from {@code failing} while {@code stillFails}
     * holds (at most {@code maxTries} calls). Exceptions from {@code stillFails} count as "does not fail", so a
     * shrunk input never trades a wrong answer for a crash.
     */
    public static <T> List<T> list(List<T> failing, Predicate<List<T>> stillFails, int maxTries) {
        List<T> best = new ArrayList<>(failing);
        int tries = 0;
        boolean progress = true;
        while (progress && tries < maxTries) {
            progress = false;
            for (int i = 0; i < best.size() && tries < maxTries; i++) {
                List<T> smaller = new ArrayList<>(best);
                smaller.remove(i);
                tries++;
                boolean fails;
                try {
                    fails = stillFails.test(smaller);
                } catch (RuntimeException e) {
                    fails = false;
                }
                if (fails) {
                    best = smaller;
                    progress = true;
                    i--;
                }
            }
        }
        return best;
    }
}
