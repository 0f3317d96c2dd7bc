package llmfs.compute.train;

import java.util.Locale;

/**
 * The learning rate for each optimiser step. A schedule is part of a run's settings: the same step always gets
 * the same rate, so a resumed run continues the curve where it stopped.
 */
public interface LrSchedule {
    /** The learning rate for step {@code step} (0-based) of a run of {@code totalSteps}. */
    float lr(long step, long totalSteps);

    /** A short description for checkpoints and progress lines, e.g. "constant 3e-4". */
    String describe();

    /** The same rate for every step (the course's Parts 1–6). */
    static LrSchedule constant(float lr) {
        return new LrSchedule() {
            public float lr(long step, long total) {
                return lr;
            }

            public String describe() {
                return String.format(Locale.ROOT, "constant %.3g", lr);
            }
        };
    }

    /**
     * Linear warm-up from 0 to {@code peak} over {@code warmup} steps, then a cosine decay to {@code min} at
     * {@code decaySteps}, then {@code min} (nanoGPT's schedule).
     */
    static LrSchedule warmupCosine(float peak, long warmup, long decaySteps, float min) {
        return new LrSchedule() {
            public float lr(long step, long total) {
                if (step < warmup) return peak * (step + 1) / (warmup + 1);
                if (step >= decaySteps) return min;
                double progress = (double) (step - warmup) / Math.max(1, decaySteps - warmup);
                return (float) (min + 0.5 * (1 + Math.cos(Math.PI * progress)) * (peak - min));
            }

            public String describe() {
                return String.format(Locale.ROOT, "warm-up %d, cosine %.3g -> %.3g at %d", warmup, peak, min,
                        decaySteps);
            }
        };
    }
}
