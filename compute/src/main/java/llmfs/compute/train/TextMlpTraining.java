package llmfs.compute.train;

import com.google.gson.JsonObject;
import llmfs.compute.Rng;
import llmfs.compute.Tape;
import llmfs.compute.Tensor;
import llmfs.compute.data.TextWindows;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.io.CheckpointException;
import llmfs.compute.nn.CharMlp;
import llmfs.compute.optim.AdamW;
import llmfs.compute.sample.MlpSampler;
import llmfs.compute.sample.Sampler;
import llmfs.compute.text.TokenCodec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Parts 2 and 3: the same MLP on one long token stream (Tiny Shakespeare as characters, or as BPE tokens). The
 * last 10% of the stream is held out for validation (a contiguous cut: random windows would overlap the training
 * text). Batches are random windows drawn on the fly, so memory stays flat however long the corpus is.
 */
public final class TextMlpTraining implements TrainingTask, TextGenerator {

    /** Settings; {@code evalWindows} is how many windows per split an evaluation averages over. */
    public record Config(int embDim, int hidden, int block, int batch, float lr, long steps, long seed,
                         double valFraction, float temperature, String prompt, int sampleTokens, int evalWindows) {
        /** Part 2 as in the course: emb 32, hidden 512, block 32, batch 4096, lr 3e-3 (560,225 parameters). */
        public static Config shakespeare(long steps) {
            return new Config(32, 512, 32, 4096, 3e-3f, steps, 42, 0.1, 0.8f, "ROMEO:\n", 300, 16_384);
        }

        /** Part 3 as in the course: emb 64, hidden 512, block 32 tokens, batch 2048, lr 1e-3. */
        public static Config bpe(long steps) {
            return new Config(64, 512, 32, 2048, 1e-3f, steps, 42, 0.1, 0.8f, "ROMEO:\n", 120, 16_384);
        }

        public Config withSteps(long s) {
            return new Config(embDim, hidden, block, batch, lr, s, seed, valFraction, temperature, prompt, sampleTokens,
                    evalWindows);
        }

        public Config withSeed(long s) {
            return new Config(embDim, hidden, block, batch, lr, steps, s, valFraction, temperature, prompt, sampleTokens,
                    evalWindows);
        }

        JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("embDim", embDim);
            o.addProperty("hidden", hidden);
            o.addProperty("block", block);
            o.addProperty("batch", batch);
            o.addProperty("lr", lr);
            o.addProperty("steps", steps);
            o.addProperty("seed", seed);
            o.addProperty("valFraction", valFraction);
            return o;
        }
    }

    private final String label;
    private final Config cfg;
    private final TokenCodec codec;
    private final TextWindows train;
    private final TextWindows val;
    private final CharMlp model;
    private final AdamW opt;
    private final int[] xb;
    private final int[] yb;

    /**
     * @param label  what is being trained, e.g. "Tiny Shakespeare (characters)"
     * @param tokens the whole corpus, encoded with {@code codec}
     */
    public TextMlpTraining(String label, int[] tokens, TokenCodec codec, Config cfg) {
        this.label = label;
        this.cfg = cfg;
        this.codec = codec;
        TextWindows[] split = TextWindows.splitTail(tokens, cfg.block(), cfg.valFraction());
        this.train = split[0];
        this.val = split[1];
        this.model = new CharMlp(codec.vocabSize(), cfg.block(), cfg.embDim(), cfg.hidden(), new Rng(cfg.seed()));
        this.opt = new AdamW(model.parameters(), cfg.lr());
        this.xb = new int[cfg.batch() * cfg.block()];
        this.yb = new int[cfg.batch()];
    }

    public CharMlp model() {
        return model;
    }

    @Override
    public TokenCodec codec() {
        return codec;
    }

    public Config config() {
        return cfg;
    }

    public int trainWindows() {
        return train.count();
    }

    public int valWindows() {
        return val.count();
    }

    @Override
    public String title() {
        return String.format("MLP on %s (%,d parameters, vocab %d, %,d train / %,d val windows)", label,
                model.parameterCount(), codec.vocabSize(), train.count(), val.count());
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
        return Math.max(1, (train.count() + cfg.batch() - 1) / cfg.batch());
    }

    @Override
    public int tokensPerStep() {
        return cfg.batch();
    }

    @Override
    public float step(long step) {
        // The batch depends only on (seed, step): a resumed run draws exactly the batches it would have drawn.
        train.batch(new Rng(cfg.seed() * 7_919L + step), cfg.batch(), xb, yb);
        opt.zeroGrad();
        Tensor loss = model.forward(xb, cfg.batch()).crossEntropy(yb);
        loss.backward();
        opt.step();
        return loss.item();
    }

    @Override
    public float[] evaluate() {
        return new float[]{meanLoss(train), meanLoss(val)};
    }

    /** Mean loss over {@code evalWindows} windows spread evenly across the split (the same ones every time). */
    private float meanLoss(TextWindows d) {
        int n = Math.min(cfg.evalWindows(), d.count());
        if (n == 0) return Float.NaN;
        int chunk = 4096, block = cfg.block();
        double total = 0;
        double stride = (double) d.count() / n;
        try (var off = Tape.noGrad()) {
            for (int from = 0; from < n; from += chunk) {
                int m = Math.min(chunk, n - from);
                int[] x = new int[m * block], y = new int[m];
                for (int i = 0; i < m; i++) {
                    int start = (int) ((from + i) * stride);
                    d.window(start, x, i * block);
                    y[i] = d.target(start);
                }
                total += (double) model.forward(x, m).crossEntropy(y).item() * m;
            }
        }
        return (float) (total / n);
    }

    @Override
    public String sample(Rng rng) {
        return generate(cfg.prompt(), cfg.sampleTokens(), cfg.temperature(), rng);
    }

    @Override
    public float temperature() {
        return cfg.temperature();
    }

    @Override
    public String generate(String prompt, int length, float temperature, Rng rng) {
        int[] p = codec.encode(prompt);
        int[] ctx = new int[cfg.block()];
        java.util.Arrays.fill(ctx, codec.padId());
        int keep = Math.min(p.length, ctx.length);
        System.arraycopy(p, p.length - keep, ctx, ctx.length - keep, keep);
        int[] out = MlpSampler.continueFrom(model, ctx, length, Sampler.Settings.temperature(temperature), rng);
        return prompt + codec.decode(out);
    }

    @Override
    public void save(Path checkpoint, long step, float trainLoss, float valLoss) throws IOException {
        JsonObject info = CheckpointInfo.of("CharMlp", label, step, totalSteps(), trainLoss, valLoss);
        info.addProperty("codec", codec.fingerprint());
        info.add("config", cfg.toJson());
        Checkpoint.save(checkpoint, model, opt, info);
    }

    @Override
    public long restore(Path checkpoint) {
        Checkpoint.Loaded c = Checkpoint.load(checkpoint);
        JsonObject side = c.sidecar();
        CheckpointInfo.requireSameSettings(checkpoint, side.getAsJsonObject("config"), cfg.toJson(),
                "embDim", "hidden", "block", "batch", "seed");
        if (!side.has("codec") || !codec.fingerprint().equals(side.get("codec").getAsString())) {
            throw new CheckpointException("checkpoint " + checkpoint + " was trained with a different vocabulary or "
                    + "tokenizer; start fresh with --restart");
        }
        model.load(c.params());
        if (c.optimizer() != null) opt.restore(c.optimizer());
        return side.get("step").getAsLong();
    }
}
