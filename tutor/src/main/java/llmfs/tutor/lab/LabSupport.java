package llmfs.tutor.lab;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.train.TextMlpTraining;
import llmfs.compute.train.Trainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the labs share: option checks, step counts, evaluation schedules, and "is there an unfinished run?". */
final class LabSupport {
    private LabSupport() {}

    /** A variant given to a lab that has none (only names has --corpus, only gpt has --config). */
    static void rejectVariant(Lab lab, String variant) {
        if (variant != null) {
            throw new IllegalArgumentException("the " + lab.id() + " lab has no variants ('" + variant
                    + "'); --corpus is for the names lab, --config for the gpt lab");
        }
    }

    /** Fails when {@code o} sets an option {@code lab} does not accept. */
    static void rejectUnknown(Lab lab, Labs.Options o) {
        if (o.corpus() != null && !lab.options().contains(Lab.Opt.CORPUS)) {
            throw new IllegalArgumentException("--corpus is for the names lab; the " + lab.id() + " lab always uses"
                    + " Tiny Shakespeare");
        }
        if (o.config() != null && !lab.options().contains(Lab.Opt.CONFIG)) {
            throw new IllegalArgumentException("--config is for the gpt lab; the " + lab.id() + " lab has one setting");
        }
        if (o.steps() != null && !lab.options().contains(Lab.Opt.STEPS)) {
            throw new IllegalArgumentException("the " + lab.id() + " lab counts epochs, not steps: use --epochs (one"
                    + " epoch is about 20 steps)");
        }
        if (o.epochs() != null && !lab.options().contains(Lab.Opt.EPOCHS)) {
            throw new IllegalArgumentException("the " + lab.id() + " lab counts steps, not epochs: use --steps");
        }
    }

    /** The course's settings with the learner's seed and evaluation size. */
    static TextMlpTraining.Config tune(TextMlpTraining.Config c, Labs.Options o) {
        if (o.seed() != null) c = c.withSeed(o.seed());
        if (o.evalWindows() != null) {
            checkEvalWindows(o);
            c = new TextMlpTraining.Config(c.embDim(), c.hidden(), c.block(), c.batch(), c.lr(), c.steps(), c.seed(),
                    c.valFraction(), c.temperature(), c.prompt(), c.sampleTokens(), o.evalWindows());
        }
        return c;
    }

    static void checkEvalWindows(Labs.Options o) {
        if (o.evalWindows() != null && o.evalWindows() < 1) {
            throw new IllegalArgumentException("evaluation needs at least 1 window");
        }
    }

    /**
     * Steps for a text lab: --steps, or --epochs turned into steps ({@code trainWindows} windows of {@code batch}
     * per step), or the quick or long preset.
     */
    static long steps(Labs.Options o, long trainWindows, int batch, long quick, long longRun) {
        if (o.steps() != null && o.epochs() != null) {
            throw new IllegalArgumentException("give --steps or --epochs, not both");
        }
        long steps;
        if (o.steps() != null) {
            steps = o.steps();
            if (steps < 1) throw new IllegalArgumentException("--steps must be at least 1");
        } else if (o.epochs() != null) {
            if (o.epochs() < 1) throw new IllegalArgumentException("--epochs must be at least 1");
            steps = o.epochs() * Math.max(1, (trainWindows + batch - 1) / batch);
        } else {
            steps = o.longRun() ? longRun : quick;
        }
        return steps;
    }

    /** Training windows of a token stream split 90/10 with windows of {@code block}. */
    static long trainWindows(int tokens, double valFraction, int block) {
        return tokens - Math.round(tokens * valFraction) - block;
    }

    /** About 20 evaluations per run (each costs a few steps' time), but not more often than every 25 steps. */
    static Trainer.Schedule schedule(long steps) {
        return Trainer.Schedule.every(Math.max(25, steps / 20));
    }

    /** True when a checkpoint exists and stopped before {@code totalSteps}. */
    static boolean unfinished(Path ck, long totalSteps) {
        Path side = Checkpoint.sidecarOf(ck);
        if (!Files.exists(ck) || !Files.exists(side)) return false;
        try {
            JsonObject o = JsonParser.parseString(Files.readString(side)).getAsJsonObject();
            return o.has("step") && o.get("step").getAsLong() < totalSteps;
        } catch (IOException | RuntimeException e) {
            return false; // an unreadable sidecar: start fresh rather than fail
        }
    }
}
