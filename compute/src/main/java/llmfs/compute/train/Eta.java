package llmfs.compute.train;

/**
 * Time left in a run, from the pace of its recent steps. The first step is not timed (it carries warm-up: JIT
 * compilation, the first evaluation), no estimate is given before a few steps have been timed (so a 15-second
 * run never opens with "1:00:00"), and the pace is smoothed so one slow step (an evaluation, a checkpoint) does
 * not make the estimate jump.
 */
public final class Eta {
    /** Steps timed before the first estimate. */
    static final int WARMUP = 4;
    /** Weight of the newest pace in the smoothed one. */
    private static final double ALPHA = 0.2;

    private long lastStep = -1;
    private double lastTime;
    private double secondsPerStep = Double.NaN;
    private int timed;

    /**
     * Records that {@code step} (counted from the start of the run) finished {@code elapsedSeconds} after the run
     * started, and returns the estimated seconds until {@code total} steps, or NaN while there is no estimate yet.
     */
    public double update(long step, double elapsedSeconds, long total) {
        if (lastStep >= 0 && step > lastStep && elapsedSeconds >= lastTime) {
            double pace = (elapsedSeconds - lastTime) / (step - lastStep);
            secondsPerStep = Double.isNaN(secondsPerStep) ? pace : ALPHA * pace + (1 - ALPHA) * secondsPerStep;
            timed++;
        }
        lastStep = step;
        lastTime = elapsedSeconds;
        return timed < WARMUP ? Double.NaN : Math.max(0, secondsPerStep * (total - step));
    }
}
