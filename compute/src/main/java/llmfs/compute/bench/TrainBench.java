package llmfs.compute.bench;

import java.util.Arrays;

/** End-to-end training speed: milliseconds per optimiser step (median after warm-up) and tokens per second. */
public final class TrainBench {
    private TrainBench() {}

    /** ms/step median, tokens/s, and the losses of every timed step. */
    public record Result(String model, double msPerStep, double tokensPerSecond, float[] losses) {}

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
