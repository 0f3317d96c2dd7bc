package llmfs.compute.train;

/**
 * A learning rate that rises linearly from near zero to {@code peak} over the warm-up steps, then follows half a
 * cosine that reaches {@code floor} at step {@code total} (and stays there).
 *
 * <p>Why warm up: at the start AdamW's second-moment estimates come from a handful of gradients, so full-size steps
 * are erratic; a short ramp lets them settle. Why the cosine: large steps early make fast progress, small steps late
 * let the loss settle into a minimum instead of bouncing around it.
 *
 * @param peak   the learning rate at the end of warm-up
 * @param floor  the learning rate at the end of the run
 * @param warmup warm-up steps (0 for none)
 * @param total  steps in the whole run
 */
public record CosineSchedule(double peak, double floor, long warmup, long total) implements LrSchedule {
    public CosineSchedule {
        if (!(peak > 0) || floor < 0 || floor > peak) {
            throw new IllegalArgumentException("need 0 <= floor <= peak and peak > 0, got peak " + peak + ", floor " + floor);
        }
        if (warmup < 0 || total < 1 || warmup > total) {
            throw new IllegalArgumentException("need 0 <= warmup <= total and total >= 1, got warmup " + warmup
                    + ", total " + total);
        }
    }

    /** The learning rate for optimiser step {@code step} (0-based). */
    public double lr(long step) {
        if (step < warmup) return peak * (step + 1) / warmup;
        // The course's CosineAnnealingLR with T = total − warmup: 0.5·(1 + cos(π·e/T)) of the way from floor to peak.
        double progress = total == warmup ? 1.0 : Math.min(1.0, (double) (step - warmup) / (total - warmup));
        return floor + 0.5 * (peak - floor) * (1 + Math.cos(Math.PI * progress));
    }

    /** {@link LrSchedule}: the rate for {@code step}; the run's length is this schedule's own {@code total}. */
    @Override
    public float lr(long step, long totalSteps) {
        return (float) lr(step);
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "warm-up %d, cosine %.3g -> %.3g at %d", warmup, peak, floor, total);
    }
}
