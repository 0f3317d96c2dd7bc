package llmfs.compute.bench;

import llmfs.compute.Rng;
import llmfs.compute.nn.Gpt;
import llmfs.compute.sample.GptSampler;
import llmfs.compute.sample.Sampler;

import java.util.Arrays;

/**
 * What the chat feels like: the time from a typed prompt to its first generated token (prefill through the key/value
 * cache plus one sample), and generated tokens per second over a long answer that slides the window many times.
 * Random weights: the cost does not depend on what the model learned. One thread, as the chat runs.
 */
public final class ChatBench {
    private ChatBench() {}

    /**
     * Medians over the repeats. {@code flopsPerToken} is the useful work of one generated token: two per weight in
     * the matrix products a row goes through (the attention over the cache and the recompute after a slide are not
     * counted), so tokens/s × flopsPerToken compares with the machine's FMA peak.
     */
    public record Result(String model, int promptTokens, double firstTokenMs, int answerTokens,
                         double tokensPerSecond, long flopsPerToken) {
        /** GFLOP/s of useful work while generating. */
        public double gflops() {
            return tokensPerSecond * flopsPerToken / 1e9;
        }
    }

    /** The course's Part 4 GPT (610,241 parameters) answering a {@code promptTokens}-token prompt. */
    public static Result run(int promptTokens, int answerTokens, int repeats) {
        Gpt model = new Gpt(Gpt.Config.course(65), new Rng(1));
        model.train(false);
        Rng rng = new Rng(2);
        int[] prompt = new int[promptTokens];
        for (int i = 0; i < promptTokens; i++) prompt[i] = rng.nextInt(65);
        Sampler.Settings s = Sampler.Settings.temperature(0.8f);
        // JIT warm-up: a few answers before anything is timed.
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmUntil) new GptSampler(model).generate(prompt, 200, s, rng, -1, id -> true);
        double[] first = new double[repeats], rate = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            // A new sampler per answer, as the chat makes one per model; its weight copy counts as first-token time.
            long t0 = System.nanoTime();
            GptSampler g = new GptSampler(model);
            g.generate(prompt, 1, s, rng, -1, id -> true);
            first[r] = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            int n = g.generate(prompt, answerTokens, s, rng, -1, id -> true);
            rate[r] = n / ((System.nanoTime() - t1) / 1e9);
        }
        Arrays.sort(first);
        Arrays.sort(rate);
        return new Result(String.format("GPT 3L/4H/128d/ctx64 (%,d parameters)", model.parameterCount()),
                promptTokens, first[repeats / 2], answerTokens, rate[repeats / 2], flopsPerToken(model.cfg));
    }

    /** 2 × (the blocks' 12·d² product weights + the output layer's d·V): about 1.2 MFLOP for Part 4's model. */
    static long flopsPerToken(Gpt.Config c) {
        long d = c.dim();
        return 2 * (c.layers() * 12 * d * d + d * c.vocab());
    }
}
