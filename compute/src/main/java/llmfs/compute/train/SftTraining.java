package llmfs.compute.train;

import com.google.gson.JsonObject;
import llmfs.compute.Rng;
import llmfs.compute.Tape;
import llmfs.compute.Tensor;
import llmfs.compute.align.ExactMatch;
import llmfs.compute.align.GreedyAnswerer;
import llmfs.compute.align.ResponseMask;
import llmfs.compute.align.TokenBatch;
import llmfs.compute.data.InstructionPair;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.nn.Gpt;
import llmfs.compute.optim.AdamW;
import llmfs.compute.text.CourseVocab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Part 5's task: supervised fine-tuning of a GPT on formatted (instruction, response) pairs with the loss on the
 * response tokens only. Each step takes a minibatch of whole examples (padded, the padding masked); epochs are
 * reshuffled with a seed derived from (seed, epoch), so a resumed run sees the same batches. Validation is the masked
 * loss on the held-out pairs, which no step ever trains on.
 */
public final class SftTraining implements TrainingTask {
    /** Batch of examples, learning rate, optimiser steps, seed, gradient-clipping norm. */
    public record Settings(int batch, float lr, long steps, long seed, float clip) {
        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("batch", batch);
            o.addProperty("lr", lr);
            o.addProperty("steps", steps);
            o.addProperty("seed", seed);
            o.addProperty("clip", clip);
            return o;
        }
    }

    private final Gpt model;
    private final Settings s;
    private final String init;
    private final List<InstructionPair> train = new ArrayList<>();
    private final List<InstructionPair> heldOut = new ArrayList<>();
    private final AdamW opt;
    private int[] order;
    private int orderEpoch = -1;

    /**
     * @param model the model to tune: freshly initialised, or loaded from Part 4's checkpoint
     * @param init  where its weights came from, recorded in the checkpoint ("scratch" or "gpt")
     */
    public SftTraining(Gpt model, List<InstructionPair> pairs, Settings settings, String init) {
        if (model.cfg.vocab() != CourseVocab.full().size()) {
            throw new IllegalArgumentException("the model's vocabulary has " + model.cfg.vocab()
                    + " ids; instruction tuning needs the course's full vocabulary of " + CourseVocab.full().size());
        }
        this.model = model;
        this.s = settings;
        this.init = init;
        for (InstructionPair p : pairs) (p.heldOut() ? heldOut : train).add(p);
        if (train.isEmpty()) throw new IllegalArgumentException("no training pairs");
        this.opt = new AdamW(model.parameters(), settings.lr());
    }

    public Gpt model() {
        return model;
    }

    public List<InstructionPair> trainPairs() {
        return train;
    }

    public List<InstructionPair> heldOutPairs() {
        return heldOut;
    }

    @Override
    public String title() {
        return String.format("GPT instruction tuning from %s (%,d parameters, %d train / %d held-out pairs)",
                init.equals("gpt") ? "the Part 4 model" : "scratch", model.parameterCount(), train.size(),
                heldOut.size());
    }

    @Override
    public long parameterCount() {
        return model.parameterCount();
    }

    @Override
    public long totalSteps() {
        return s.steps();
    }

    @Override
    public long stepsPerEpoch() {
        return Math.max(1, (train.size() + s.batch() - 1) / s.batch());
    }

    @Override
    public int tokensPerStep() {
        return s.batch() * 50;
    }

    /** The examples of step {@code step}: a slice of that epoch's permutation. */
    List<InstructionPair> batchAt(long step) {
        int epoch = (int) (step / stepsPerEpoch());
        if (epoch != orderEpoch) {
            order = new Rng(s.seed() * 1_000_003L + epoch).permutation(train.size());
            orderEpoch = epoch;
        }
        int from = (int) (step % stepsPerEpoch()) * s.batch();
        List<InstructionPair> b = new ArrayList<>();
        for (int i = from; i < Math.min(from + s.batch(), train.size()); i++) b.add(train.get(order[i]));
        return b;
    }

    static TokenBatch encode(List<InstructionPair> pairs, int context) {
        return TokenBatch.of(pairs.stream().map(p -> new TokenBatch.Example(p.instruction(), p.response())).toList(),
                CourseVocab.full(), context);
    }

    @Override
    public float step(long step) {
        TokenBatch b = encode(batchAt(step), model.cfg.context());
        model.train(true);
        opt.zeroGrad();
        Tensor loss = model.forward(b.inputs(), b.batch(), b.length()).crossEntropy(b.targets(), ResponseMask.IGNORE);
        loss.backward();
        if (s.clip() > 0) opt.clipGradNorm(s.clip());
        opt.step();
        return loss.item();
    }

    @Override
    public float[] evaluate() {
        return new float[]{maskedLoss(trainSample()), maskedLoss(heldOut)};
    }

    /**
     * The training pairs the curve's train loss is measured on: every k-th pair, as many as are held out (at
     * least 64), so an evaluation costs about the same on both sides.
     */
    public List<InstructionPair> trainSample() {
        int want = Math.max(64, heldOut.size());
        if (train.size() <= want) return train;
        List<InstructionPair> out = new ArrayList<>();
        double stride = (double) train.size() / want;
        for (int i = 0; i < want; i++) out.add(train.get((int) (i * stride)));
        return out;
    }

    /** Mean loss per response token over {@code pairs}, without dropout or gradients. */
    public float maskedLoss(List<InstructionPair> pairs) {
        if (pairs.isEmpty()) return Float.NaN;
        boolean was = model.isTraining();
        model.train(false);
        double total = 0;
        long count = 0;
        try (var off = Tape.noGrad()) {
            for (int from = 0; from < pairs.size(); from += 32) {
                TokenBatch b = encode(pairs.subList(from, Math.min(from + 32, pairs.size())), model.cfg.context());
                int n = b.counted();
                total += (double) model.forward(b.inputs(), b.batch(), b.length())
                        .crossEntropy(b.targets(), ResponseMask.IGNORE).item() * n;
                count += n;
            }
        } finally {
            model.train(was);
        }
        return (float) (total / count);
    }

    /**
     * Exact-match accuracy per category, greedy answers cut at END: on the held-out pairs and on an equally large
     * sample of the training pairs, side by side, then a few held-out misses.
     */
    @Override
    public List<String> finalReport() {
        GreedyAnswerer g = new GreedyAnswerer(model, CourseVocab.full(), 80);
        List<ExactMatch.Score> held = ExactMatch.score(g, heldOut);
        List<ExactMatch.Score> seen = ExactMatch.score(g, trainSample());
        List<String> out = new ArrayList<>();
        out.add("Exact match (greedy answers, cut at the end marker):");
        out.add(String.format(Locale.ROOT, "  %-12s %14s %14s", "category", "held out", "trained on"));
        int hc = 0, ht = 0, tc = 0, tt = 0;
        for (ExactMatch.Score h : held) {
            ExactMatch.Score t = seen.stream().filter(x -> x.category().equals(h.category())).findFirst().orElse(null);
            out.add(String.format(Locale.ROOT, "  %-12s %14s %14s", h.category(), cell(h.correct(), h.total()),
                    t == null ? "-" : cell(t.correct(), t.total())));
            hc += h.correct();
            ht += h.total();
            if (t != null) {
                tc += t.correct();
                tt += t.total();
            }
        }
        out.add(String.format(Locale.ROOT, "  %-12s %14s %14s", "all", cell(hc, ht), cell(tc, tt)));
        out.add("Some held-out answers that missed:");
        for (ExactMatch.Score h : held) for (String m : h.misses().subList(0, Math.min(1, h.misses().size()))) {
            out.add("  " + m);
        }
        return out;
    }

    private static String cell(int correct, int total) {
        return String.format(Locale.ROOT, "%d/%d %3.0f%%", correct, total, total == 0 ? 0 : 100.0 * correct / total);
    }

    @Override
    public String sample(Rng rng) {
        List<InstructionPair> from = heldOut.isEmpty() ? train : heldOut;
        InstructionPair p = from.get(rng.nextInt(from.size()));
        String a = new GreedyAnswerer(model, CourseVocab.full(), 80).answer(List.of(p.instruction())).get(0);
        return p.instruction() + "\n" + a;
    }

    @Override
    public void save(Path checkpoint, long step, float trainLoss, float valLoss) throws IOException {
        JsonObject info = CheckpointInfo.of("Gpt", "sft", step, totalSteps(), trainLoss, valLoss);
        info.addProperty("vocab", "course");
        info.add("config", GptConfigJson.toJson(model.cfg));
        info.add("settings", s.toJson());
        info.addProperty("init", init);
        Checkpoint.save(checkpoint, model, opt, info);
    }

    @Override
    public long restore(Path checkpoint) {
        Checkpoint.Loaded c = Checkpoint.load(checkpoint);
        JsonObject side = c.sidecar();
        if (!side.has("task") || !side.get("task").getAsString().equals("sft")) {
            throw new IllegalStateException(checkpoint + " is not an instruction-tuning checkpoint");
        }
        model.load(c.params());
        if (c.optimizer() != null) opt.restore(c.optimizer());
        return side.get("step").getAsLong();
    }
}
