package llmfs.compute.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import llmfs.compute.Rng;
import llmfs.compute.Tape;
import llmfs.compute.Tensor;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.io.CheckpointException;
import llmfs.compute.nn.Gpt;
import llmfs.compute.optim.AdamW;
import llmfs.compute.sample.GptSampler;
import llmfs.compute.sample.Sampler;
import llmfs.compute.text.TokenCodec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Parts 4–7: a {@link Gpt} on one token stream. The last {@code valFraction} of the stream is held out (a
 * contiguous cut), each step draws {@code batch} random windows of the context length from the rest, and every
 * position of a window predicts the token after it. AdamW with an optional learning-rate schedule and gradient
 * clipping; checkpoints hold the weights, the optimiser's moments and the dropout generator's state, so a resumed
 * run takes exactly the steps an uninterrupted one would.
 */
public final class GptTraining implements TrainingTask, TextGenerator {

    /**
     * Settings.
     *
     * @param model       the model's shape
     * @param batch       windows per step
     * @param schedule    learning rate per step
     * @param steps       optimiser steps in the run
     * @param seed        initialisation, batches and dropout
     * @param valFraction tail of the stream held out
     * @param beta2       AdamW's second-moment decay (PyTorch's default 0.999; nanoGPT uses 0.99)
     * @param weightDecay AdamW's decoupled weight decay (PyTorch's default 0.01)
     * @param gradClip    largest global gradient norm (0: no clipping)
     * @param evalWindows windows per split an evaluation averages over (spread evenly, the same every time)
     * @param temperature for the samples shown while training
     * @param prompt      what those samples continue
     * @param sampleTokens how many tokens a sample adds
     */
    public record Config(Gpt.Config model, int batch, LrSchedule schedule, long steps, long seed, double valFraction,
                         float beta2, float weightDecay, float gradClip, int evalWindows, float temperature,
                         String prompt, int sampleTokens) {
        public Config {
            if (batch < 1) throw new IllegalArgumentException("batch must be at least 1");
            if (steps < 1) throw new IllegalArgumentException("--steps must be at least 1");
            if (evalWindows < 1) throw new IllegalArgumentException("evaluation needs at least 1 window");
            if (gradClip < 0) throw new IllegalArgumentException("gradient clipping needs a norm >= 0");
        }

        /** Part 4 as in the course: width 128, 4 heads, 3 layers, context 64, dropout 0.1, batch 128, lr 3e-4. */
        public static Config course(int vocab, long steps) {
            return new Config(Gpt.Config.course(vocab), 128, LrSchedule.constant(3e-4f), steps, 42, 0.1, 0.999f,
                    0.01f, 0f, 512, 0.8f, "ROMEO:\n", 300);
        }

        public Config withSteps(long s) {
            return new Config(model, batch, schedule, s, seed, valFraction, beta2, weightDecay, gradClip, evalWindows,
                    temperature, prompt, sampleTokens);
        }

        public Config withSeed(long s) {
            return new Config(model, batch, schedule, steps, s, valFraction, beta2, weightDecay, gradClip, evalWindows,
                    temperature, prompt, sampleTokens);
        }

        public Config withSchedule(LrSchedule s) {
            return new Config(model, batch, s, steps, seed, valFraction, beta2, weightDecay, gradClip, evalWindows,
                    temperature, prompt, sampleTokens);
        }

        public Config withGradClip(float c) {
            return new Config(model, batch, schedule, steps, seed, valFraction, beta2, weightDecay, c, evalWindows,
                    temperature, prompt, sampleTokens);
        }

        public Config withEvalWindows(int w) {
            return new Config(model, batch, schedule, steps, seed, valFraction, beta2, weightDecay, gradClip, w,
                    temperature, prompt, sampleTokens);
        }

        public Config withOptimizer(float b2, float wd) {
            return new Config(model, batch, schedule, steps, seed, valFraction, b2, wd, gradClip, evalWindows,
                    temperature, prompt, sampleTokens);
        }

        JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("vocab", model.vocab());
            o.addProperty("dim", model.dim());
            o.addProperty("heads", model.heads());
            o.addProperty("layers", model.layers());
            o.addProperty("context", model.context());
            o.addProperty("dropout", model.dropout());
            o.addProperty("batch", batch);
            o.addProperty("schedule", schedule.describe());
            o.addProperty("steps", steps);
            o.addProperty("seed", seed);
            o.addProperty("valFraction", valFraction);
            o.addProperty("beta2", beta2);
            o.addProperty("weightDecay", weightDecay);
            o.addProperty("gradClip", gradClip);
            return o;
        }
    }

    private final String label;
    private final Config cfg;
    private final TokenCodec codec;
    private final int[] train;
    private final int[] val;
    private final Gpt model;
    private final AdamW opt;
    private final int[] xb;
    private final int[] yb;
    private double lastGradNorm = Double.NaN;

    /**
     * @param label  what is being trained, e.g. "Tiny Shakespeare characters"
     * @param tokens the whole corpus, encoded with {@code codec}
     */
    public GptTraining(String label, int[] tokens, TokenCodec codec, Config cfg) {
        this(label, tokens, codec, cfg, new Gpt(cfg.model(), new Rng(cfg.seed())));
    }

    /** Continues training {@code start} (e.g. a model from an earlier part, grown to this vocabulary). */
    public GptTraining(String label, int[] tokens, TokenCodec codec, Config cfg, Gpt start) {
        if (start.cfg.vocab() != codec.vocabSize()) {
            throw new IllegalArgumentException("the model has " + start.cfg.vocab() + " token ids but the tokenizer "
                    + codec.vocabSize() + "; grow the model with Gpt.withVocab first");
        }
        int ctx = cfg.model().context();
        int nVal = (int) Math.round(tokens.length * cfg.valFraction());
        if (!(cfg.valFraction() > 0 && cfg.valFraction() < 1) || nVal <= ctx || tokens.length - nVal <= ctx) {
            throw new IllegalArgumentException("splitting " + tokens.length + " tokens with valFraction "
                    + cfg.valFraction() + " leaves a part shorter than the context of " + ctx + " + 1 tokens");
        }
        this.label = label;
        this.cfg = cfg;
        this.codec = codec;
        this.train = Arrays.copyOfRange(tokens, 0, tokens.length - nVal);
        this.val = Arrays.copyOfRange(tokens, tokens.length - nVal, tokens.length);
        this.model = start;
        this.opt = new AdamW(model.parameters(), cfg.schedule().lr(0, cfg.steps()), 0.9f, cfg.beta2(), 1e-8f,
                cfg.weightDecay());
        this.xb = new int[cfg.batch() * ctx];
        this.yb = new int[cfg.batch() * ctx];
    }

    public Gpt model() {
        return model;
    }

    @Override
    public TokenCodec codec() {
        return codec;
    }

    public Config config() {
        return cfg;
    }

    /** Tokens in the training part and the held-out part. */
    public int[] splitSizes() {
        return new int[]{train.length, val.length};
    }

    /** The global gradient norm of the last step, before clipping (NaN before the first step). */
    public double lastGradNorm() {
        return lastGradNorm;
    }

    @Override
    public float temperature() {
        return cfg.temperature();
    }

    @Override
    public String title() {
        Gpt.Config m = cfg.model();
        return String.format("GPT on %s (%,d parameters: %d layers, %d heads, width %d, context %d; %,d train / %,d"
                        + " val tokens)", label, model.parameterCount(), m.layers(), m.heads(), m.dim(), m.context(),
                train.length, val.length);
    }

    @Override
    public long parameterCount() {
        return model.parameterCount();
    }

    @Override
    public long totalSteps() {
        return cfg.steps();
    }

    @Override
    public long stepsPerEpoch() {
        long perStep = (long) cfg.batch() * cfg.model().context();
        return Math.max(1, (train.length + perStep - 1) / perStep);
    }

    @Override
    public int tokensPerStep() {
        return cfg.batch() * cfg.model().context();
    }

    @Override
    public float step(long step) {
        int ctx = cfg.model().context();
        // The batch depends only on (seed, step): a resumed run draws exactly the batches it would have drawn.
        Rng r = new Rng(cfg.seed() * 7_919L + step);
        for (int i = 0; i < cfg.batch(); i++) {
            int start = r.nextInt(train.length - ctx);
            System.arraycopy(train, start, xb, i * ctx, ctx);
            System.arraycopy(train, start + 1, yb, i * ctx, ctx);
        }
        opt.setLr(cfg.schedule().lr(step, cfg.steps()));
        model.train(true);
        opt.zeroGrad();
        Tensor loss = model.forward(xb, cfg.batch(), ctx).crossEntropy(yb);
        loss.backward();
        if (cfg.gradClip() > 0) lastGradNorm = opt.clipGradNorm(cfg.gradClip());
        opt.step();
        return loss.item();
    }

    @Override
    public float[] evaluate() {
        return new float[]{meanLoss(train), meanLoss(val)};
    }

    /** Mean loss over {@code evalWindows} windows spread evenly across {@code part}, every position counted. */
    private float meanLoss(int[] part) {
        int ctx = cfg.model().context();
        int windows = part.length - ctx;
        int n = Math.min(cfg.evalWindows(), windows);
        double stride = (double) windows / n, total = 0;
        int chunk = 64;
        model.train(false);
        try (var off = Tape.noGrad()) {
            for (int from = 0; from < n; from += chunk) {
                int m = Math.min(chunk, n - from);
                int[] x = new int[m * ctx], y = new int[m * ctx];
                for (int i = 0; i < m; i++) {
                    int start = (int) ((from + i) * stride);
                    System.arraycopy(part, start, x, i * ctx, ctx);
                    System.arraycopy(part, start + 1, y, i * ctx, ctx);
                }
                total += (double) model.forward(x, m, ctx).crossEntropy(y).item() * m;
            }
        } finally {
            model.train(true);
        }
        return (float) (total / n);
    }

    @Override
    public String sample(Rng rng) {
        return generate(cfg.prompt(), cfg.sampleTokens(), cfg.temperature(), rng);
    }

    @Override
    public String generate(String prompt, int length, float temperature, Rng rng) {
        int[] p = prompt.isEmpty() ? new int[]{0} : codec.encode(prompt);
        StringBuilder out = new StringBuilder(prompt);
        GptSampler s = new GptSampler(model);
        s.generate(p, length, Sampler.Settings.temperature(temperature), rng, -1, id -> {
            out.append(codec.decode(new int[]{id}));
            return true;
        });
        return out.toString();
    }

    @Override
    public void save(Path checkpoint, long step, float trainLoss, float valLoss) throws IOException {
        JsonObject info = CheckpointInfo.of("Gpt", label, step, totalSteps(), trainLoss, valLoss);
        info.addProperty("codec", codec.fingerprint());
        info.add("config", cfg.toJson());
        JsonArray rng = new JsonArray();
        for (long v : model.dropoutRng().state()) rng.add(Long.toString(v)); // JSON numbers lose 64-bit precision
        info.add("dropoutRng", rng);
        Checkpoint.save(checkpoint, model, opt, info);
    }

    @Override
    public long restore(Path checkpoint) {
        Checkpoint.Loaded c = Checkpoint.load(checkpoint);
        JsonObject side = c.sidecar();
        CheckpointInfo.requireSameSettings(checkpoint, side.getAsJsonObject("config"), cfg.toJson(),
                "vocab", "dim", "heads", "layers", "context", "dropout", "batch", "seed", "schedule", "gradClip");
        if (!side.has("codec") || !codec.fingerprint().equals(side.get("codec").getAsString())) {
            throw new CheckpointException("checkpoint " + checkpoint + " was trained with a different vocabulary or "
                    + "tokenizer; start fresh with --restart");
        }
        model.load(c.params());
        if (c.optimizer() != null) opt.restore(c.optimizer());
        if (side.has("dropoutRng")) {
            JsonArray a = side.getAsJsonArray("dropoutRng");
            long[] st = new long[a.size()];
            for (int i = 0; i < st.length; i++) st[i] = Long.parseLong(a.get(i).getAsString());
            model.dropoutRng().restoreState(st);
        }
        return side.get("step").getAsLong();
    }
}
