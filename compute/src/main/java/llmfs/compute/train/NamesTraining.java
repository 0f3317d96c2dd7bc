package llmfs.compute.train;

import com.google.gson.JsonObject;
import llmfs.compute.Rng;
import llmfs.compute.Tape;
import llmfs.compute.Tensor;
import llmfs.compute.data.NameWindows;
import llmfs.compute.data.Split;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.io.CheckpointException;
import llmfs.compute.nn.CharMlp;
import llmfs.compute.optim.AdamW;
import llmfs.compute.sample.MlpSampler;
import llmfs.compute.sample.Sampler;
import llmfs.compute.text.CharVocab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Part 1's training job: the {@link CharMlp} on a list of names, with the names split 90/10 into train and
 * validation sets (by name, so no name is seen in both), minibatches reshuffled every epoch, AdamW.
 */
public final class NamesTraining implements TrainingTask {

    /** Settings; {@link #course()} gives the original course's values. */
    public record Config(int embDim, int hidden, int block, int batch, float lr, int epochs, long seed,
                         double valFraction, float temperature) {
        /** emb 8, hidden 256, block 5, batch 2048, lr 0.01, 1000 epochs, seed 42, 10% validation, T 0.8. */
        public static Config course() {
            return new Config(8, 256, 5, 2048, 0.01f, 1000, 42, 0.1, 0.8f);
        }

        public Config withEpochs(int e) {
            return new Config(embDim, hidden, block, batch, lr, e, seed, valFraction, temperature);
        }

        public Config withSeed(long s) {
            return new Config(embDim, hidden, block, batch, lr, epochs, s, valFraction, temperature);
        }

        JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("embDim", embDim);
            o.addProperty("hidden", hidden);
            o.addProperty("block", block);
            o.addProperty("batch", batch);
            o.addProperty("lr", lr);
            o.addProperty("epochs", epochs);
            o.addProperty("seed", seed);
            o.addProperty("valFraction", valFraction);
            return o;
        }
    }

    private final Config cfg;
    private final CharVocab vocab;
    private final NameWindows train;
    private final NameWindows val;
    private final CharMlp model;
    private final AdamW opt;
    private final String corpusName;
    private final int stepsPerEpoch;
    private final int[] xb;
    private final int[] yb;
    private int[] order;
    private int orderEpoch = -1;

    public NamesTraining(List<String> names, String corpusName, Config cfg) {
        this.cfg = cfg;
        this.corpusName = corpusName;
        this.vocab = CharVocab.ofNames(names);
        Split<String> split = Split.of(names, cfg.valFraction(), cfg.seed());
        this.train = NameWindows.of(split.train(), vocab, cfg.block());
        this.val = NameWindows.of(split.val(), vocab, cfg.block());
        this.model = new CharMlp(vocab.size(), cfg.block(), cfg.embDim(), cfg.hidden(), new Rng(cfg.seed()));
        this.opt = new AdamW(model.parameters(), cfg.lr());
        this.stepsPerEpoch = (train.size() + cfg.batch() - 1) / cfg.batch();
        this.xb = new int[cfg.batch() * cfg.block()];
        this.yb = new int[cfg.batch()];
    }

    public CharMlp model() {
        return model;
    }

    public CharVocab vocab() {
        return vocab;
    }

    public int trainWindows() {
        return train.size();
    }

    public int valWindows() {
        return val.size();
    }

    @Override
    public String title() {
        return String.format("names MLP on %s (%,d parameters, %,d train / %,d val windows)", corpusName,
                model.parameterCount(), train.size(), val.size());
    }

    @Override
    public long parameterCount() {
        return model.parameterCount();
    }

    @Override
    public long totalSteps() {
        return (long) stepsPerEpoch * cfg.epochs();
    }

    @Override
    public long stepsPerEpoch() {
        return stepsPerEpoch;
    }

    @Override
    public int tokensPerStep() {
        return cfg.batch();
    }

    @Override
    public float step(long step) {
        int epoch = (int) (step / stepsPerEpoch);
        int b = (int) (step % stepsPerEpoch);
        if (epoch != orderEpoch) {
            // Each epoch's order depends only on (seed, epoch), so a resumed run sees the same batches.
            order = new Rng(cfg.seed() * 1_000_003L + epoch).permutation(train.size());
            orderEpoch = epoch;
        }
        int from = b * cfg.batch();
        int n = Math.min(cfg.batch(), train.size() - from);
        int block = cfg.block();
        int[] x = n == cfg.batch() ? xb : new int[n * block];
        int[] y = n == cfg.batch() ? yb : new int[n];
        int[] tx = train.x(), ty = train.y();
        for (int i = 0; i < n; i++) {
            int w = order[from + i];
            System.arraycopy(tx, w * block, x, i * block, block);
            y[i] = ty[w];
        }
        opt.zeroGrad();
        Tensor loss = model.forward(x, n).crossEntropy(y);
        loss.backward();
        opt.step();
        return loss.item();
    }

    @Override
    public float[] evaluate() {
        return new float[]{meanLoss(train), meanLoss(val)};
    }

    /** Mean cross-entropy over every window of {@code d}, in chunks, without recording gradients. */
    public float meanLoss(NameWindows d) {
        if (d.size() == 0) return Float.NaN;
        int chunk = 8192, block = cfg.block();
        double total = 0;
        try (var off = Tape.noGrad()) {
            for (int from = 0; from < d.size(); from += chunk) {
                int n = Math.min(chunk, d.size() - from);
                int[] x = java.util.Arrays.copyOfRange(d.x(), from * block, (from + n) * block);
                int[] y = java.util.Arrays.copyOfRange(d.y(), from, from + n);
                total += (double) model.forward(x, n).crossEntropy(y).item() * n;
            }
        }
        return (float) (total / d.size());
    }

    @Override
    public String sample(Rng rng) {
        return String.join(", ", names(6, rng).stream().map(NamesTraining::shown).toList());
    }

    /**
     * A sampled name as a person should see it: a model can end a name at once (it samples the end marker
     * first), and an empty name in a list would read as a stray comma.
     */
    public static String shown(String name) {
        return name.isEmpty() ? "(empty)" : name;
    }

    /** {@code count} names sampled at the configured temperature. */
    public List<String> names(int count, Rng rng) {
        return generate(model, vocab, count, cfg.temperature(), rng);
    }

    /** Samples names from any names model. */
    public static List<String> generate(CharMlp model, CharVocab vocab, int count, float temperature, Rng rng) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(vocab.decode(MlpSampler.name(model, Sampler.Settings.temperature(temperature), 15, rng)));
        }
        return out;
    }

    @Override
    public void save(Path checkpoint, long step, float trainLoss, float valLoss) throws IOException {
        JsonObject info = CheckpointInfo.of("CharMlp", "names", step, totalSteps(), trainLoss, valLoss);
        info.addProperty("corpus", corpusName);
        info.addProperty("vocab", vocab.chars());
        info.add("config", cfg.toJson());
        Checkpoint.save(checkpoint, model, opt, info);
    }

    @Override
    public long restore(Path checkpoint) {
        Checkpoint.Loaded c = Checkpoint.load(checkpoint);
        JsonObject side = c.sidecar();
        CheckpointInfo.requireSameSettings(checkpoint, side.getAsJsonObject("config"), cfg.toJson(),
                "embDim", "hidden", "block", "batch", "seed");
        if (!vocab.chars().equals(side.get("vocab").getAsString())) {
            throw new CheckpointException("checkpoint " + checkpoint + " was trained on a different corpus "
                    + "(its vocabulary differs); start fresh with --restart");
        }
        model.load(c.params());
        if (c.optimizer() != null) opt.restore(c.optimizer());
        return side.get("step").getAsLong();
    }
}
