package llmfs.tutor.lab;

import com.google.gson.JsonObject;
import llmfs.compute.Rng;
import llmfs.compute.data.AlignmentData;
import llmfs.compute.data.Corpora;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.io.CheckpointException;
import llmfs.compute.nn.Gpt;
import llmfs.compute.train.DpoTraining;
import llmfs.compute.train.Trainer;
import llmfs.compute.io.ModelCheckpoints;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Part 6: DPO on {@code preferences.jsonl}, starting from the sft lab's model, which also becomes the frozen
 * reference. The chart shows the DPO loss, the preference accuracy and the rewards, on train and held-out triplets.
 */
final class DpoLab implements Lab {
    /**
     * Default run: about 10 passes over the triplets, under a minute on two cores. Measured on the default SFT model
     * (seed 42): with lr 3e-5 the held-out preference accuracy rose from 19/25 to 22/25 by step 40 and stayed there
     * to step 80; with lr 1e-4 it peaked at 22 after 20 steps and fell back to 21 while the training loss kept
     * falling (DPO memorises its pairs too).
     */
    static final long QUICK_STEPS = 60;
    static final long LONG_STEPS = 200;
    static final int BATCH = 16;
    static final float LR = 3e-5f;
    static final float BETA = 0.1f;

    @Override
    public String id() {
        return "dpo";
    }

    @Override
    public int part() {
        return 6;
    }

    @Override
    public Set<Opt> options() {
        return Set.of(Opt.STEPS);
    }

    @Override
    public String trainHelp() {
        return "--steps N (default " + QUICK_STEPS + ", under a minute; --long: " + LONG_STEPS + "); needs the sft"
                + " lab's model";
    }

    @Override
    public String chatHelp() {
        return "the same as sft, with the DPO-aligned model";
    }

    @Override
    public Labs.About about() {
        return new Labs.About(id(), "This lab aligns the sft lab's model with DPO on 95 preference triplets"
                + " (prompt, chosen, rejected: wrong, rude, refusing or rambling answers), against a frozen copy of"
                + " that model as the reference. Batches of " + BATCH + " triplets, AdamW lr " + LR + ", beta "
                + BETA + ", no dropout (so the first loss is ln 2 = 0.693). Log-probabilities are summed over the"
                + " answers only, padding masked, nothing truncated. 25 held-out triplets, whose prompts neither"
                + " SFT nor DPO trained on, are measured throughout and before/after.",
                String.format(Locale.ROOT, "quick run: %,d steps (about %d passes over the triplets), under a minute"
                        + " on two cores", QUICK_STEPS, QUICK_STEPS * BATCH / 95),
                String.format(Locale.ROOT, "long run: %,d steps", LONG_STEPS), "tutor train dpo --long");
    }

    @Override
    public Labs.Setup create(Labs.Options o, Path workspace, Corpora corpora) {
        LabSupport.rejectUnknown(this, o);
        Path sft = Labs.checkpoint("sft", null, workspace);
        if (!Files.isRegularFile(sft)) {
            throw new IllegalArgumentException("DPO starts from the instruction-tuned model, which is not trained yet:"
                    + " run `tutor train sft` (or open the Part 5 lab) first");
        }
        Checkpoint.Loaded c;
        try {
            c = Checkpoint.load(sft);
        } catch (CheckpointException e) {
            throw new IllegalArgumentException("cannot load the instruction-tuned model: " + e.getMessage(), e);
        }
        JsonObject side = c.sidecar();
        if (!side.has("task") || !side.get("task").getAsString().equals("sft")) {
            throw new IllegalArgumentException(sft + " is not an instruction-tuned model; run `tutor train sft --restart`");
        }
        if (side.has("step") && side.has("totalSteps")
                && side.get("step").getAsLong() < side.get("totalSteps").getAsLong()) {
            throw new IllegalArgumentException("the instruction-tuned model's run stopped early (step "
                    + side.get("step").getAsLong() + " of " + side.get("totalSteps").getAsLong() + "); finish it"
                    + " with `tutor train sft` first, so DPO does not start from a model that is still changing");
        }
        long seed = o.seed() == null ? 42 : o.seed();
        Gpt policy = new Gpt(ModelCheckpoints.gptConfig(side.getAsJsonObject("config")), new Rng(seed));
        policy.load(c.params());
        String referenceId = side.get("tensorsSha256").getAsString();
        long steps = LabSupport.steps(o, 95, BATCH, QUICK_STEPS, LONG_STEPS);
        DpoTraining task = new DpoTraining(policy, AlignmentData.preferences(corpora),
                new DpoTraining.Settings(BATCH, LR, steps, BETA, seed, 1f), referenceId);
        Path ck = checkpoint(null, workspace);
        boolean resume = !o.restart() && LabSupport.unfinished(ck, task.totalSteps()) && sameReference(ck, referenceId);
        // Evaluations are cheap next to the steps here, and the accuracy and reward charts need points: about ten.
        return new Labs.Setup(id(), task, ck, resume, Trainer.Schedule.every(Math.max(4, steps / 10)), 0.0f, 0.35f,
                "quick run",
                "the DPO loss starts at ln 2 = 0.693 and falls on the training triplets; the held-out loss falls"
                        + " less. Watch the rewards: the rejected answers' reward drops much further than the chosen"
                        + " answers' rises",
                about(), List.of("Starts from " + workspace.relativize(sft) + " (trained " + side.get("step")
                        + " steps); a frozen copy of it is the reference"));
    }

    /** Whether an unfinished DPO run was made against this very SFT model (else it starts again). */
    private static boolean sameReference(Path ck, String referenceId) {
        try {
            JsonObject s = com.google.gson.JsonParser.parseString(Files.readString(Checkpoint.sidecarOf(ck)))
                    .getAsJsonObject();
            return s.has("reference") && s.get("reference").getAsString().equals(referenceId);
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}
