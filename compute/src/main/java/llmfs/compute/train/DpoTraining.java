package llmfs.compute.train;

import com.google.gson.JsonObject;
import llmfs.compute.Rng;
import llmfs.compute.Tape;
import llmfs.compute.Tensor;
import llmfs.compute.align.DpoLoss;
import llmfs.compute.align.FrozenReference;
import llmfs.compute.align.GreedyAnswerer;
import llmfs.compute.align.PreferenceStats;
import llmfs.compute.align.SequenceLogProb;
import llmfs.compute.align.TokenBatch;
import llmfs.compute.data.PreferenceTriplet;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.nn.Gpt;
import llmfs.compute.optim.AdamW;
import llmfs.compute.text.CourseVocab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Part 6's task: direct preference optimisation of an instruction-tuned GPT (the policy) against a frozen copy of
 * it (the reference). Log-probabilities are over response tokens only, with padding masked, and every example fits
 * the context, so nothing is truncated. The policy runs without dropout: then policy and reference agree exactly at
 * step 0 and the first loss is ln 2, the loss of a coin toss.
 *
 * <p>The reference's log-probabilities never change, so they are computed once, up front.
 */
public final class DpoTraining implements TrainingTask {
    /** Pairs per step, learning rate, steps, β, seed, clipping norm. */
    public record Settings(int batch, float lr, long steps, float beta, long seed, float clip) {
        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("batch", batch);
            o.addProperty("lr", lr);
            o.addProperty("steps", steps);
            o.addProperty("beta", beta);
            o.addProperty("seed", seed);
            o.addProperty("clip", clip);
            return o;
        }
    }

    /** Measure names, as reported in {@link TrainEvent.Measures}. */
    public static final String TRAIN_ACCURACY = "train accuracy", HELD_ACCURACY = "held-out accuracy",
            TRAIN_CHOSEN = "train chosen reward", TRAIN_REJECTED = "train rejected reward",
            HELD_CHOSEN = "held-out chosen reward", HELD_REJECTED = "held-out rejected reward",
            HELD_MARGIN = "held-out margin";

    private final Gpt policy;
    private final FrozenReference reference;
    private final Settings s;
    private final String referenceId;
    private final List<PreferenceTriplet> train = new ArrayList<>(), heldOut = new ArrayList<>();
    private final float[][] refTrain, refHeld; // [chosen, rejected] per split
    private final AdamW opt;
    private final Map<String, Float> measures = new LinkedHashMap<>();
    /**
     * False until the first optimiser step: until then the policy is the reference, and its log-probabilities are
     * taken to be the reference's exactly. (Recomputed, they can differ in the last bits, because the JIT compiles
     * the SIMD kernels with different rounding as it warms up, and a strict > would count that noise as wins.)
     */
    private boolean moved;

    /**
     * @param policy      the instruction-tuned model, which this task changes
     * @param referenceId identifies the reference's weights (the SFT checkpoint's hash), so a resumed run can refuse
     *                    a reference that has been retrained meanwhile
     */
    public DpoTraining(Gpt policy, List<PreferenceTriplet> triplets, Settings settings, String referenceId) {
        this.policy = policy;
        this.s = settings;
        this.referenceId = referenceId;
        this.reference = new FrozenReference(policy);
        for (PreferenceTriplet t : triplets) (t.heldOut() ? heldOut : train).add(t);
        if (train.isEmpty()) throw new IllegalArgumentException("no training triplets");
        this.refTrain = referenceLogProbs(train);
        this.refHeld = referenceLogProbs(heldOut);
        this.opt = new AdamW(policy.parameters(), settings.lr());
        policy.train(false);
    }

    public Gpt policy() {
        return policy;
    }

    public FrozenReference reference() {
        return reference;
    }

    public List<PreferenceTriplet> heldOutTriplets() {
        return heldOut;
    }

    public List<PreferenceTriplet> trainTriplets() {
        return train;
    }

    private float[][] referenceLogProbs(List<PreferenceTriplet> ts) {
        float[] c = new float[ts.size()], r = new float[ts.size()];
        for (int from = 0; from < ts.size(); from += 32) {
            List<PreferenceTriplet> part = ts.subList(from, Math.min(from + 32, ts.size()));
            float[] both = reference.logProbs(pairBatch(part));
            System.arraycopy(both, 0, c, from, part.size());
            System.arraycopy(both, part.size(), r, from, part.size());
        }
        return new float[][]{c, r};
    }

    /** Chosen examples first, then the rejected ones, in one padded batch. */
    TokenBatch pairBatch(List<PreferenceTriplet> ts) {
        List<TokenBatch.Example> ex = new ArrayList<>();
        for (PreferenceTriplet t : ts) ex.add(new TokenBatch.Example(t.prompt(), t.chosen()));
        for (PreferenceTriplet t : ts) ex.add(new TokenBatch.Example(t.prompt(), t.rejected()));
        return TokenBatch.of(ex, CourseVocab.full(), policy.cfg.context());
    }

    @Override
    public String title() {
        return String.format("DPO on the instruction-tuned GPT (%,d parameters, %d train / %d held-out triplets, β %s)",
                policy.parameterCount(), train.size(), heldOut.size(), s.beta());
    }

    @Override
    public long parameterCount() {
        return policy.parameterCount();
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
        return s.batch() * 2 * 45;
    }

    @Override
    public float step(long step) {
        int epoch = (int) (step / stepsPerEpoch());
        int[] order = new Rng(s.seed() * 1_000_003L + epoch).permutation(train.size());
        int from = (int) (step % stepsPerEpoch()) * s.batch();
        int to = Math.min(from + s.batch(), train.size());
        List<PreferenceTriplet> batch = new ArrayList<>();
        float[] rc = new float[to - from], rr = new float[to - from];
        for (int i = from; i < to; i++) {
            batch.add(train.get(order[i]));
            rc[i - from] = refTrain[0][order[i]];
            rr[i - from] = refTrain[1][order[i]];
        }
        opt.zeroGrad();
        moved = true;
        Tensor lp = SequenceLogProb.of(policy, pairBatch(batch));
        int n = batch.size();
        DpoLoss.Result r = DpoLoss.of(lp.slice(0, n), lp.slice(n, 2 * n), rc, rr, s.beta());
        r.loss().backward();
        if (s.clip() > 0) opt.clipGradNorm(s.clip());
        opt.step();
        return r.loss().item();
    }

    /** The policy's sequence log-probabilities of chosen and rejected answers, without gradients. */
    public float[][] policyLogProbs(List<PreferenceTriplet> ts) {
        if (!moved && (ts == train || ts == heldOut)) {
            float[][] ref = ts == train ? refTrain : refHeld;
            return new float[][]{ref[0].clone(), ref[1].clone()};
        }
        float[] c = new float[ts.size()], r = new float[ts.size()];
        try (var off = Tape.noGrad()) {
            for (int from = 0; from < ts.size(); from += 32) {
                List<PreferenceTriplet> part = ts.subList(from, Math.min(from + 32, ts.size()));
                float[] both = SequenceLogProb.of(policy, pairBatch(part)).toArray();
                System.arraycopy(both, 0, c, from, part.size());
                System.arraycopy(both, part.size(), r, from, part.size());
            }
        }
        return new float[][]{c, r};
    }

    /** Rewards β(π − ref) of one split under the current policy. */
    private PreferenceStats stats(List<PreferenceTriplet> ts, float[][] ref, float[][] pol) {
        float[] c = new float[ts.size()], r = new float[ts.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = s.beta() * (pol[0][i] - ref[0][i]);
            r[i] = s.beta() * (pol[1][i] - ref[1][i]);
        }
        return PreferenceStats.of(c, r);
    }

    private static float meanLoss(float[] chosenReward, float[] rejectedReward) {
        double sum = 0;
        for (int i = 0; i < chosenReward.length; i++) {
            sum += DpoLoss.loss(chosenReward[i], rejectedReward[i], 0, 0, 1);
        }
        return chosenReward.length == 0 ? Float.NaN : (float) (sum / chosenReward.length);
    }

    @Override
    public float[] evaluate() {
        float[][] pt = policyLogProbs(train), ph = policyLogProbs(heldOut);
        PreferenceStats st = stats(train, refTrain, pt), sh = stats(heldOut, refHeld, ph);
        measures.clear();
        measures.put(TRAIN_ACCURACY, st.accuracy());
        measures.put(HELD_ACCURACY, sh.accuracy());
        measures.put(TRAIN_CHOSEN, st.chosenReward());
        measures.put(TRAIN_REJECTED, st.rejectedReward());
        measures.put(HELD_CHOSEN, sh.chosenReward());
        measures.put(HELD_REJECTED, sh.rejectedReward());
        measures.put(HELD_MARGIN, sh.margin());
        return new float[]{loss(train, refTrain, pt), loss(heldOut, refHeld, ph)};
    }

    private float loss(List<PreferenceTriplet> ts, float[][] ref, float[][] pol) {
        float[] c = new float[ts.size()], r = new float[ts.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = s.beta() * (pol[0][i] - ref[0][i]);
            r[i] = s.beta() * (pol[1][i] - ref[1][i]);
        }
        return meanLoss(c, r);
    }

    @Override
    public Map<String, Float> measures() {
        return new LinkedHashMap<>(measures);
    }

    /**
     * How many held-out triplets the model itself prefers the chosen answer in, log π(chosen) > log π(rejected):
     * {wins, total} for the reference (before DPO) and for the policy (now). Unlike the reward accuracy, which is
     * 0 by definition before training, this is a fair before/after comparison.
     */
    public int[] heldOutPreferenceBeforeAfter() {
        float[][] now = policyLogProbs(heldOut);
        int before = 0, after = 0;
        for (int i = 0; i < heldOut.size(); i++) {
            if (refHeld[0][i] > refHeld[1][i]) before++;
            if (now[0][i] > now[1][i]) after++;
        }
        return new int[]{before, after, heldOut.size()};
    }

    /** The held-out before/after comparison and the held-out reward figures of the final model. */
    @Override
    public List<String> finalReport() {
        int[] ba = heldOutPreferenceBeforeAfter();
        float[][] ph = policyLogProbs(heldOut);
        PreferenceStats sh = stats(heldOut, refHeld, ph);
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Held-out preference accuracy, log π(chosen) > log π(rejected), on %d "
                + "triplets: before DPO %d/%d (%.0f%%), after %d/%d (%.0f%%)", ba[2], ba[0], ba[2],
                pct(ba[0], ba[2]), ba[1], ba[2], pct(ba[1], ba[2])));
        out.add(String.format(Locale.ROOT, "Held-out reward accuracy (chosen reward > rejected, 0%% before training by "
                + "definition): %.0f%%; mean rewards chosen %+.3f, rejected %+.3f, margin %+.3f",
                100 * sh.accuracy(), sh.chosenReward(), sh.rejectedReward(), sh.margin()));
        return out;
    }

    private static double pct(int a, int n) {
        return n == 0 ? 0 : 100.0 * a / n;
    }

    @Override
    public String sample(Rng rng) {
        List<PreferenceTriplet> from = heldOut.isEmpty() ? train : heldOut;
        PreferenceTriplet t = from.get(rng.nextInt(from.size()));
        return t.prompt() + "\n" + new GreedyAnswerer(policy, CourseVocab.full(), 80).answer(List.of(t.prompt())).get(0);
    }

    @Override
    public void save(Path checkpoint, long step, float trainLoss, float valLoss) throws IOException {
        JsonObject info = CheckpointInfo.of("Gpt", "dpo", step, totalSteps(), trainLoss, valLoss);
        info.addProperty("vocab", "course");
        info.add("config", GptConfigJson.toJson(policy.cfg));
        info.add("settings", s.toJson());
        info.addProperty("reference", referenceId);
        JsonObject m = new JsonObject();
        measures.forEach(m::addProperty);
        info.add("measures", m);
        Checkpoint.save(checkpoint, policy, opt, info);
    }

    @Override
    public long restore(Path checkpoint) {
        Checkpoint.Loaded c = Checkpoint.load(checkpoint);
        JsonObject side = c.sidecar();
        if (!side.has("task") || !side.get("task").getAsString().equals("dpo")) {
            throw new IllegalStateException(checkpoint + " is not a DPO checkpoint");
        }
        if (!side.has("reference") || !side.get("reference").getAsString().equals(referenceId)) {
            throw new IllegalStateException("the DPO checkpoint " + checkpoint + " was trained against another "
                    + "instruction-tuned model; start DPO afresh (delete it, or train with --fresh)");
        }
        policy.load(c.params());
        if (c.optimizer() != null) opt.restore(c.optimizer());
        long step = side.get("step").getAsLong();
        moved = step > 0;
        return step;
    }
}
