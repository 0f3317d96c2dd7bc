package llmfs.compute.bench;

import java.util.Arrays;

/** End-to-end training speed: milliseconds per optimiser step (median after warm-up) and tokens per second. */
public final class TrainBench {
    private TrainBench() {}

    /** ms/step median, tokens/s, and the losses of every timed step. */
    public record Result(String model, double msPerStep, double tokensPerSecond, float[] losses) {}

    /**
     * Trains throwaway copies made by {@code make} (a different seed from the measured run) for about {@code seconds},
     * so the JIT has compiled the training step before any step is timed and the measured run's loss curve still
     * starts from its own step 1.
     */
    public static void warmUp(java.util.function.Supplier<BenchModels.Workload> make, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            BenchModels.Workload w = make.get();
            for (int i = 0; i < w.xs.length && System.nanoTime() < end; i++) w.step(i);
        }
    }

    public static Result run(BenchModels.Workload w, int warmupSteps, int timedSteps) {
        for (int i = 0; i < warmupSteps; i++) w.step(i);
        double[] t = new double[timedSteps];
        float[] losses = new float[timedSteps];
        for (int i = 0; i < timedSteps; i++) {
            long s = System.nanoTime();
            losses[i] = w.step(warmupSteps + i); // item() waits for the step to finish on every backend
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        double[] sorted = t.clone();
        Arrays.sort(sorted);
        double ms = sorted[timedSteps / 2];
        return new Result(w.name, ms, w.tokensPerStep / (ms / 1000), losses);
    }
}
