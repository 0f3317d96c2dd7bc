package llmfs.tutor.lab;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.train.TextMlpTraining;
import llmfs.compute.train.Trainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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
        if (o.from() != null && !lab.options().contains(Lab.Opt.FROM)) {
            throw new IllegalArgumentException("--from is for the sft lab; the " + lab.id() + " lab has one starting point");
        }
        if (o.steps() != null && !lab.options().contains(Lab.Opt.STEPS)) {
            throw new IllegalArgumentException("the " + lab.id() + " lab counts epochs, not steps: use --epochs (one"
                    + " epoch is about 20 steps)");
        }
        if (o.epochs() != null && !lab.options().contains(Lab.Opt.EPOCHS)) {
            throw new IllegalArgumentException("the " + lab.id() + " lab counts steps, not epochs: use --steps");
        }
    }

    /** The course's settings with the learner's seed, evaluation size and model sizes. */
    static TextMlpTraining.Config tune(TextMlpTraining.Config c, Labs.Options o) {
        if (o.seed() != null) c = c.withSeed(o.seed());
        checkEvalWindows(o);
        ModelSizes s = o.sizes();
        return new TextMlpTraining.Config(s.embOr(c.embDim()), s.hiddenOr(c.hidden()), s.blockOr(c.block()), c.batch(),
                c.lr(), c.steps(), c.seed(), c.valFraction(), c.temperature(), c.prompt(), c.sampleTokens(),
                o.evalWindows() != null ? o.evalWindows() : c.evalWindows());
    }

    /** Refuses sizes for a lab without them, and sizes outside the limits, each with a one-line reason. */
    static void checkSizes(Lab lab, ModelSizes s) {
        if (s.isDefault()) return;
        ModelSizes course = lab.courseSizes();
        if (course == null) {
            throw new IllegalArgumentException("--block, --emb and --hidden are for the MLP labs (names, shakespeare,"
                    + " bpe); the " + lab.id() + " lab has its own settings");
        }
        s.validate(course.block(), course.emb(), course.hidden(), lab.maxBlock());
    }

    /**
     * Whether the saved checkpoint has the sizes this run asks for. A run with other sizes cannot continue it: it
     * starts over (and the saved model is kept as a numbered run).
     */
    static boolean sameSizes(Path ck, int block, int emb, int hidden) {
        try {
            JsonObject c = JsonParser.parseString(Files.readString(Checkpoint.sidecarOf(ck))).getAsJsonObject()
                    .getAsJsonObject("config");
            return c != null && c.get("block").getAsInt() == block && c.get("embDim").getAsInt() == emb
                    && c.get("hidden").getAsInt() == hidden;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A line saying the sizes differ from the course's (the target band is for the course's); else none. */
    static List<String> sizesNote(ModelSizes s, int block, int emb, int hidden, long parameters) {
        if (s.isDefault()) return List.of();
        return List.of(String.format(Locale.ROOT, "Model sizes: block %d · emb %d · hidden %d (%,d parameters); the"
                + " target band below is for the course's sizes", block, emb, hidden, parameters));
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
