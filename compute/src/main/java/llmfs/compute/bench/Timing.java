package llmfs.compute.bench;

import java.util.Arrays;

/** Median wall time of repeated runs, after a warm-up, so the JIT has compiled the code being measured. */
public final class Timing {
    private Timing() {}

    /**
     * Runs {@code work} until at least {@code warmupSeconds} have passed, then {@code repeats} timed batches, each
     * long enough to be measurable; returns the median seconds per call.
     */
    public static double median(Runnable work, int repeats, double warmupSeconds) {
        long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
        int calls = 0;
        long t0 = System.nanoTime();
        do {
            work.run();
            calls++;
        } while (System.nanoTime() < end);
        double perCall = (System.nanoTime() - t0) / 1e9 / calls;
        int inner = (int) Math.max(1, Math.min(1000, 0.05 / Math.max(perCall, 1e-9))); // batches of ~50 ms
        double[] t = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long s = System.nanoTime();
            for (int i = 0; i < inner; i++) work.run();
            t[r] = (System.nanoTime() - s) / 1e9 / inner;
        }
        Arrays.sort(t);
        return t[repeats / 2];
    }
}
