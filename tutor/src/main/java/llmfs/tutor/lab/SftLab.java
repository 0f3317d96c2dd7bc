package llmfs.tutor.lab;

import llmfs.compute.Rng;
import llmfs.compute.data.AlignmentData;
import llmfs.compute.data.Corpora;
import llmfs.compute.data.InstructionPair;
import llmfs.compute.nn.Gpt;
import llmfs.compute.text.CourseVocab;
import llmfs.compute.train.SftTraining;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Part 5: instruction tuning of the course GPT on {@code instructions.jsonl}, from scratch by default or, with
 * {@code --from gpt}, starting from Part 4's model. Validation is the held-out pairs; the final report is exact-match
 * accuracy per category.
 */
final class SftLab implements Lab {
    /**
     * Default run: near the lowest held-out loss. Measured (seeds 42 and 7): the held-out loss bottoms out at 1.77-1.79
     * after about 200 steps (10 passes over the pairs) and then climbs (2.36 after 600, 3.76 after 1,500) while the
     * training loss keeps falling: the model memorises. DPO on top of a memorised model moved nothing held out.
     */
    static final long QUICK_STEPS = 200;
    /** The long preset: long enough to watch memorisation happen on the chart. */
    static final long LONG_STEPS = 1_500;
    /** Examples per step, learning rate, clipping: the course's Part 5 (batch 64 there, of 64-character windows). */
    static final int BATCH = 16;
    static final float LR = 2e-3f;
    /** The course GPT's shape (Part 4), with a context long enough for every formatted example. */
    static final Gpt.Config MODEL = new Gpt.Config(CourseVocab.full().size(), 128, 4, 3, 128, 0.1f);

    @Override
    public String id() {
        return "sft";
    }

    @Override
    public int part() {
        return 5;
    }

    @Override
    public List<String> aliases() {
        return List.of("instruct");
    }

    @Override
    public Set<Opt> options() {
        return Set.of(Opt.STEPS, Opt.FROM);
    }

    @Override
    public String trainHelp() {
        return "--steps N (default " + QUICK_STEPS + ", about half a minute, stopping near the lowest held-out loss;"
                + " --long: " + LONG_STEPS + ", a few minutes, to watch it memorise); --from gpt"
                + " starts from Part 4's model instead of from scratch";
    }

    @Override
    public String chatHelp() {
        return "a question, answered in the instruction template until the end marker; :raw continues plain text,"
                + " :compare shows the SFT and DPO answers side by side";
    }

    @Override
    public Labs.About about() {
        return new Labs.About(id(), "This lab instruction-tunes Part 4's GPT shape (width 128, 4 heads, 3 layers,"
                + " context 128, the course's 97-character vocabulary with an end marker) on 306 question/answer"
                + " pairs in the prompt template, with the loss on the answers only. Batches of " + BATCH
                + " whole examples, AdamW lr " + LR + ", gradient clipping 1.0. The 84 held-out pairs (new countries,"
                + " new number pairs, unseen definitions) give the val loss, and at the end greedy answers are"
                + " scored by exact match per category, held out and trained on. From scratch by default; --from"
                + " gpt starts from the Part 4 checkpoint.",
                String.format(Locale.ROOT, "quick run: %,d steps (about %d passes over the pairs), under a minute on"
                        + " two cores; it stops near the lowest held-out loss", QUICK_STEPS, QUICK_STEPS * BATCH / 306),
                String.format(Locale.ROOT, "long run: %,d steps, about three minutes on two cores: the held-out"
                        + " loss climbs while the training loss falls (memorisation)", LONG_STEPS),
                "tutor train sft --long");
    }

    @Override
    public Labs.Setup create(Labs.Options o, Path workspace, Corpora corpora) {
        LabSupport.rejectUnknown(this, o);
        String from = o.from() == null ? "scratch" : o.from().toLowerCase(Locale.ROOT);
        if (!from.equals("scratch") && !from.equals("gpt")) {
            throw new IllegalArgumentException("--from takes scratch (the default) or gpt (Part 4's model), not '"
                    + o.from() + "'");
        }
        long seed = o.seed() == null ? 42 : o.seed();
        List<String> notes = new ArrayList<>();
        Gpt model;
        if (from.equals("gpt")) {
            Part4Model.Loaded p4 = Part4Model.load(workspace, MODEL.context(), seed);
            model = p4.model();
            notes.add(p4.note());
        } else {
            model = new Gpt(MODEL, new Rng(seed));
        }
        List<InstructionPair> pairs = AlignmentData.instructions(corpora);
        long steps = LabSupport.steps(o, 306, BATCH, QUICK_STEPS, LONG_STEPS);
        SftTraining task = new SftTraining(model, pairs, new SftTraining.Settings(BATCH, LR, steps, seed, 1f), from);
        Path ck = checkpoint(null, workspace);
        boolean resume = !o.restart() && LabSupport.unfinished(ck, task.totalSteps());
        if (resume && from.equals("gpt")) notes.add("(the unfinished run's own weights are used, not Part 4's again)");
        // The band spans the quick run's measured end points (seeds 42 and 7): train 1.43-1.44, held-out 1.77-1.79.
        return new Labs.Setup(id(), task, ck, resume, LabSupport.schedule(steps), 1.30f, 1.90f, "quick run",
                "the loss is per answer character. After 200 steps the train loss is about 1.4 and the held-out loss"
                        + " about 1.8, its lowest: from here on the train loss keeps falling and the held-out loss"
                        + " climbs (try --long). Exact match is low on both sides after 200 steps; after --long it is"
                        + " high on the trained questions and still low held out: memory, not skill",
                about(), notes);
    }
}
