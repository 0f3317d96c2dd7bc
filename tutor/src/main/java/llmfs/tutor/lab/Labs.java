package llmfs.tutor.lab;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import llmfs.compute.data.Corpora;
import llmfs.compute.data.Names;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.text.CharVocab;
import llmfs.compute.text.TokenCodec;
import llmfs.compute.train.NamesTraining;
import llmfs.compute.train.TextMlpTraining;
import llmfs.compute.train.Trainer;
import llmfs.compute.train.TrainingTask;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The course's labs: what each one trains, with which settings, where it saves, and what a good result looks like. */
public final class Labs {
    private Labs() {}

    /** Known lab ids, in course order. */
    public static final List<String> IDS = List.of("names", "shakespeare", "bpe");

    /**
     * What the learner asked for; null fields mean "the lab's default".
     *
     * @param epochs      passes over the training windows (names counts epochs; the text labs turn them into steps)
     * @param steps       optimiser steps (text labs only)
     * @param longRun     the lab's long preset instead of its quick default
     * @param seed        seed for initialisation, batches and the names split (default 42)
     * @param corpus      names lab: {@code indian} (default) or {@code english}
     * @param restart     ignore an unfinished checkpoint and start from scratch
     * @param evalWindows text labs: windows per split that an evaluation averages over (default 16,384); fewer make
     *                    evaluations quicker and noisier
     * @param sizes       the model's sizes (block, embedding, hidden); null fields keep the lab's
     */
    public record Options(Integer epochs, Long steps, boolean longRun, Long seed, String corpus, boolean restart,
                          Integer evalWindows, ModelSizes sizes) {
        public Options(Integer epochs, Long steps, boolean longRun, Long seed, String corpus, boolean restart,
                       Integer evalWindows) {
            this(epochs, steps, longRun, seed, corpus, restart, evalWindows, ModelSizes.DEFAULT);
        }

        public Options {
            if (sizes == null) sizes = ModelSizes.DEFAULT;
        }

        public static Options defaults() {
            return new Options(null, null, false, null, null, false, null);
        }

        public Options withSizes(ModelSizes s) {
            return new Options(epochs, steps, longRun, seed, corpus, restart, evalWindows, s);
        }

        public Options withEpochs(Integer e) {
            return new Options(e, steps, longRun, seed, corpus, restart, evalWindows, sizes);
        }

        public Options withSteps(Long s) {
            return new Options(epochs, s, longRun, seed, corpus, restart, evalWindows, sizes);
        }

        public Options withLongRun(boolean l) {
            return new Options(epochs, steps, l, seed, corpus, restart, evalWindows, sizes);
        }

        public Options withSeed(Long s) {
            return new Options(epochs, steps, longRun, s, corpus, restart, evalWindows, sizes);
        }

        public Options withCorpus(String c) {
            return new Options(epochs, steps, longRun, seed, c, restart, evalWindows, sizes);
        }

        public Options withRestart(boolean r) {
            return new Options(epochs, steps, longRun, seed, corpus, r, evalWindows, sizes);
        }

        public Options withEvalWindows(Integer w) {
            return new Options(epochs, steps, longRun, seed, corpus, restart, w, sizes);
        }
    }

    /**
     * What a lab is, for its screen before anything is loaded.
     *
     * @param id          the lab id
     * @param description a paragraph: what it trains, with which settings, on which data, and how it is measured
     * @param quickRun    one line about the default run (length and time)
     * @param longRun     one line about the long preset
     * @param longCommand the command line that runs the long preset
     */
    public record About(String id, String description, String quickRun, String longRun, String longCommand) {}

    /**
     * A ready-to-run lab.
     *
     * @param resume     whether an unfinished checkpoint will be continued
     * @param targetLo   lower edge of the training-loss band a correct run ends in
     * @param targetHi   upper edge of that band
     * @param targetRun  which run the band is for ("long run", "quick run"), as the chart labels it
     * @param targetNote one or two sentences for the learner about the band and what to expect
     * @param about      the lab's description
     * @param notes      what was prepared for this run (e.g. a tokenizer loaded from its cache), one line each
     */
    public record Setup(String id, TrainingTask task, Path checkpoint, boolean resume, Trainer.Schedule schedule,
                        float targetLo, float targetHi, String targetRun, String targetNote, About about,
                        List<String> notes) {
        public Setup {
            notes = List.copyOf(notes);
        }

        public LabRun newRun(long sampleSeed) {
            return new LabRun(task, schedule, checkpoint, resume, sampleSeed);
        }

        /** Whether this run starts over where a model is saved: it should be kept first ({@link LabRuns#keep}). */
        public boolean replacesSavedModel() {
            return !resume && Files.isRegularFile(checkpoint);
        }
    }

    /**
     * Quick default for the names lab: well under a minute, and close to where the validation loss bottoms out
     * (about epoch 30–40 with the course's settings; after that the model starts memorising names).
     */
    public static final int NAMES_QUICK_EPOCHS = 40;
    /** The names lab's long run: the course's 1000 epochs. */
    public static final int NAMES_LONG_EPOCHS = 1000;
    /** Default Part 2 run: a few minutes on two cores (about 8 passes over the text). */
    public static final long SHAKESPEARE_QUICK_STEPS = 2_000;
    /** Part 2's long preset: about 80 passes over the text. */
    public static final long SHAKESPEARE_LONG_STEPS = 20_000;
    /** Default Part 3 run: a few minutes on two cores (about 8 passes over the tokens). */
    public static final long BPE_QUICK_STEPS = 2_000;
    /** Part 3's long preset: about 80 passes over the tokens. */
    public static final long BPE_LONG_STEPS = 20_000;

    /** The canonical id for {@code id} or one of its aliases (a part number, "part2"). */
    public static String resolve(String id) {
        String lab = id.toLowerCase(Locale.ROOT);
        switch (lab) {
            case "names", "1", "part1" -> {
                return "names";
            }
            case "shakespeare", "2", "part2" -> {
                return "shakespeare";
            }
            case "bpe", "3", "part3" -> {
                return "bpe";
            }
            default -> throw new IllegalArgumentException("unknown lab '" + id + "'; available: " + String.join(", ", IDS));
        }
    }

    /** The course's model sizes for lab {@code id}, every field set. */
    public static ModelSizes courseSizes(String id) {
        return switch (resolve(id)) {
            case "names" -> {
                NamesTraining.Config c = NamesTraining.Config.course();
                yield new ModelSizes(c.block(), c.embDim(), c.hidden());
            }
            case "shakespeare" -> {
                TextMlpTraining.Config c = TextMlpTraining.Config.shakespeare(1);
                yield new ModelSizes(c.block(), c.embDim(), c.hidden());
            }
            default -> {
                TextMlpTraining.Config c = TextMlpTraining.Config.bpe(1);
                yield new ModelSizes(c.block(), c.embDim(), c.hidden());
            }
        };
    }

    /** The largest context lab {@code id} accepts. */
    public static int maxBlock(String id) {
        return resolve(id).equals("names") ? ModelSizes.NAMES_MAX_BLOCK : ModelSizes.TEXT_MAX_BLOCK;
    }

    /** What lab {@code id} trains and how long its runs take (nothing is loaded). */
    public static About about(String id) {
        switch (resolve(id)) {
            case "names" -> {
                return new About("names", "This lab trains Part 1's model with the course's settings (emb 8, hidden 256,"
                        + " block 5, batch 2048, AdamW lr 0.01) on 90% of the names, and measures the loss on the other"
                        + " 10%.",
                        "quick run: " + NAMES_QUICK_EPOCHS + " epochs, well under a minute",
                        "long run: " + NAMES_LONG_EPOCHS + " epochs like the course (training loss ends near 1.5)",
                        "tutor train names --epochs " + NAMES_LONG_EPOCHS);
            }
            case "shakespeare" -> {
                return new About("shakespeare", "This lab trains Part 2's model: the same MLP, made bigger (emb 32,"
                        + " hidden 512, block 32 characters: 560,225 parameters), on Tiny Shakespeare with the course's"
                        + " batch 4096 and AdamW lr 0.003. The first 90% of the text is for training; the last 10% is"
                        + " held out, so the val loss shows how well the model does on lines it never saw. Each step"
                        + " draws 4096 random windows; one pass over the text is about 245 steps.",
                        String.format(Locale.ROOT, "quick run: %,d steps (about 8 passes), a few minutes on two cores",
                                SHAKESPEARE_QUICK_STEPS),
                        String.format(Locale.ROOT, "long run: %,d steps (about 80 passes), roughly half an hour to an"
                                + " hour; the course's 1000 epochs (about 250,000 steps) are out of reach on a CPU",
                                SHAKESPEARE_LONG_STEPS),
                        "tutor train shakespeare --long");
            }
            default -> {
                return new About("bpe", "This lab trains Part 3's model: the same MLP on BPE tokens instead of"
                        + " characters. First a character-level BPE tokenizer with 300 tokens (65 characters + 235"
                        + " merges) is learned from Tiny Shakespeare, then kept in checkpoints/" + ShakespeareTokenizer.FILE
                        + "; the model (emb 64, hidden 512, block 32 tokens: 1,222,188 parameters, batch 2048, AdamW lr"
                        + " 0.001) sees about 62 characters of context. The last 10% of the tokens are held out for"
                        + " the val loss. The losses are per token, so they are not comparable with Part 2's per"
                        + " character losses.",
                        String.format(Locale.ROOT, "quick run: %,d steps (about 8 passes), a few minutes on two cores",
                                BPE_QUICK_STEPS),
                        String.format(Locale.ROOT, "long run: %,d steps (about 80 passes), roughly half an hour to an"
                                + " hour", BPE_LONG_STEPS),
                        "tutor train bpe --long");
            }
        }
    }

    /**
     * Where lab {@code id} keeps its trained model in {@code workspace} (the sidecar sits beside it, see
     * {@link Checkpoint#sidecarOf}). {@code corpus} picks the names lab's list (null: the course's Indian names) and
     * must be null for the other labs.
     */
    public static Path checkpoint(String id, String corpus, Path workspace) {
        String lab = resolve(id);
        if (!lab.equals("names")) {
            rejectCorpus(corpus, lab);
            return workspace.resolve("checkpoints").resolve(lab + ".safetensors");
        }
        String c = corpus == null ? "indian" : corpus.toLowerCase(Locale.ROOT);
        return switch (c) {
            case "indian" -> workspace.resolve("checkpoints").resolve("names.safetensors");
            case "english" -> workspace.resolve("checkpoints").resolve("names-english.safetensors");
            default -> throw new IllegalArgumentException("unknown names corpus '" + corpus + "': use indian or english");
        };
    }

    public static Setup create(String id, Options o, Path workspace, Corpora corpora) {
        // Sizes first: a bad value should be refused before any data is loaded or a tokenizer trained.
        ModelSizes course = courseSizes(id);
        o.sizes().validate(course.block(), course.emb(), course.hidden(), maxBlock(id));
        return switch (resolve(id)) {
            case "names" -> names(o, workspace, corpora);
            case "shakespeare" -> shakespeare(o, workspace, corpora);
            default -> bpe(o, workspace, corpora);
        };
    }

    private static Setup names(Options o, Path workspace, Corpora corpora) {
        if (o.steps() != null) {
            throw new IllegalArgumentException("the names lab counts epochs, not steps: use --epochs (one epoch is"
                    + " about 20 steps)");
        }
        String corpus = o.corpus() == null ? "indian" : o.corpus().toLowerCase(Locale.ROOT);
        List<String> names;
        String file;
        switch (corpus) {
            case "indian":
                names = Names.indian(corpora);
                file = Names.INDIAN_FILE;
                break;
            case "english":
                names = Names.english(corpora);
                file = Names.ENGLISH_FILE;
                break;
            default:
                throw new IllegalArgumentException("unknown names corpus '" + o.corpus() + "': use indian or english");
        }
        int epochs = o.epochs() != null ? o.epochs() : o.longRun() ? NAMES_LONG_EPOCHS : NAMES_QUICK_EPOCHS;
        NamesTraining.Config course = NamesTraining.Config.course();
        ModelSizes sizes = o.sizes().validate(course.block(), course.embDim(), course.hidden(), ModelSizes.NAMES_MAX_BLOCK);
        NamesTraining.Config cfg = new NamesTraining.Config(embDim(sizes, course.embDim()), hidden(sizes, course.hidden()),
                block(sizes, course.block()), course.batch(), course.lr(), epochs, course.seed(), course.valFraction(),
                course.temperature());
        if (o.seed() != null) cfg = cfg.withSeed(o.seed());
        if (cfg.epochs() < 1) throw new IllegalArgumentException("--epochs must be at least 1");
        NamesTraining task = new NamesTraining(names, file, cfg);
        Path ck = checkpoint("names", corpus, workspace);
        boolean resume = !o.restart() && unfinished(ck, task.totalSteps()) && sameSizes(ck, sizes, course.block(),
                course.embDim(), course.hidden());
        return new Setup("names", task, ck, resume, Trainer.Schedule.every(task.stepsPerEpoch() * 5), 1.35f, 1.60f,
                "long run",
                "a full 1000-epoch run ends with training loss about 1.5 (the original course: 1.51 at epoch 800), but the "
                        + "validation loss is lowest (about 2.1–2.2) near epoch 30 and then rises: the model memorises",
                about("names"), sizesNote(sizes, cfg.block(), cfg.embDim(), cfg.hidden(), task.model().parameterCount()));
    }

    private static Setup shakespeare(Options o, Path workspace, Corpora corpora) {
        rejectCorpus(o, "shakespeare");
        String text = corpora.text(ShakespeareTokenizer.CORPUS);
        CharVocab vocab = CharVocab.ofText(text);
        int[] tokens = vocab.encode(text);
        TextMlpTraining.Config course = TextMlpTraining.Config.shakespeare(1);
        TextMlpTraining.Config cfg = tune(course, o);
        cfg = cfg.withSteps(steps(o, tokens.length, cfg, SHAKESPEARE_QUICK_STEPS, SHAKESPEARE_LONG_STEPS));
        // Spaces pad a short prompt, as in the course.
        TextMlpTraining task = new TextMlpTraining("Tiny Shakespeare characters", tokens, TokenCodec.of(vocab, ' '), cfg);
        Path ck = checkpoint("shakespeare", null, workspace);
        boolean resume = !o.restart() && unfinished(ck, task.totalSteps()) && sameSizes(ck, o.sizes(), course.block(),
                course.embDim(), course.hidden());
        return new Setup("shakespeare", task, ck, resume, schedule(cfg.steps()), 1.20f, 1.40f, "quick run",
                "the quick run ends with training loss about 1.3 and val loss about 2.0. Val loss is lowest (about"
                        + " 1.9) near step 800 and then rises while training loss keeps falling: the model starts to"
                        + " memorise its training text, and the long run widens the gap. The course's 1000-epoch run"
                        + " reached training loss 0.8647 (it never measured validation)",
                about("shakespeare"), sizesNote(o.sizes(), cfg.block(), cfg.embDim(), cfg.hidden(),
                        task.model().parameterCount()));
    }

    private static Setup bpe(Options o, Path workspace, Corpora corpora) {
        rejectCorpus(o, "bpe");
        ShakespeareTokenizer.Loaded tok = ShakespeareTokenizer.load(workspace, corpora, null);
        String text = corpora.text(ShakespeareTokenizer.CORPUS);
        int[] tokens = tok.tokenizer().encode(text);
        TextMlpTraining.Config course = TextMlpTraining.Config.bpe(1);
        TextMlpTraining.Config cfg = tune(course, o);
        cfg = cfg.withSteps(steps(o, tokens.length, cfg, BPE_QUICK_STEPS, BPE_LONG_STEPS));
        TextMlpTraining task = new TextMlpTraining("Tiny Shakespeare BPE tokens", tokens, new BpeCodec(tok.tokenizer()),
                cfg);
        Path ck = checkpoint("bpe", null, workspace);
        boolean resume = !o.restart() && unfinished(ck, task.totalSteps()) && sameSizes(ck, o.sizes(), course.block(),
                course.embDim(), course.hidden());
        String where = workspace.relativize(tok.file()).toString();
        String note = tok.fromCache()
                ? "Tokenizer: " + tok.tokenizer().vocabSize() + " tokens, loaded from " + where
                : String.format(Locale.ROOT, "Tokenizer: learned %d merges in %.1f s, saved to %s",
                tok.tokenizer().mergeCount(), tok.trainSeconds(), where);
        note += String.format(Locale.ROOT, " (%,d characters -> %,d tokens, %.2f characters per token)",
                text.length(), tokens.length, (double) text.length() / tokens.length);
        return new Setup("bpe", task, ck, resume, schedule(cfg.steps()), 2.00f, 2.30f, "quick run",
                "the quick run ends with training loss about 2.1 and val loss about 4.3 (per token). Val loss is"
                        + " lowest (about 4.0) near step 700 and then rises: 1.2 million parameters memorise 520,000"
                        + " training tokens, and the long run widens the gap. The course's 500-epoch run reached"
                        + " training loss 0.032, near-total memorisation that it could not see without a validation set",
                about("bpe"), concat(List.of(note), sizesNote(o.sizes(), cfg.block(), cfg.embDim(), cfg.hidden(),
                        task.model().parameterCount())));
    }

    private static void rejectCorpus(Options o, String lab) {
        rejectCorpus(o.corpus(), lab);
    }

    private static void rejectCorpus(String corpus, String lab) {
        if (corpus != null) {
            throw new IllegalArgumentException("--corpus is for the names lab; the " + lab + " lab always uses Tiny"
                    + " Shakespeare");
        }
    }

    /** The course's settings with the learner's seed, evaluation size and model sizes. */
    private static TextMlpTraining.Config tune(TextMlpTraining.Config c, Options o) {
        if (o.seed() != null) c = c.withSeed(o.seed());
        if (o.evalWindows() != null && o.evalWindows() < 1) {
            throw new IllegalArgumentException("evaluation needs at least 1 window");
        }
        ModelSizes s = o.sizes().validate(c.block(), c.embDim(), c.hidden(), ModelSizes.TEXT_MAX_BLOCK);
        return new TextMlpTraining.Config(embDim(s, c.embDim()), hidden(s, c.hidden()), block(s, c.block()), c.batch(),
                c.lr(), c.steps(), c.seed(), c.valFraction(), c.temperature(), c.prompt(), c.sampleTokens(),
                o.evalWindows() != null ? o.evalWindows() : c.evalWindows());
    }

    private static int block(ModelSizes s, int course) {
        return s.block() != null ? s.block() : course;
    }

    private static int embDim(ModelSizes s, int course) {
        return s.emb() != null ? s.emb() : course;
    }

    private static int hidden(ModelSizes s, int course) {
        return s.hidden() != null ? s.hidden() : course;
    }

    /** A line saying the sizes differ from the course's (the target band is for the course's sizes); else none. */
    private static List<String> sizesNote(ModelSizes s, int block, int emb, int hidden, long parameters) {
        if (s.isDefault()) return List.of();
        return List.of(String.format(Locale.ROOT, "Model sizes: block %d · emb %d · hidden %d (%,d parameters); the"
                + " target band below is for the course's sizes", block, emb, hidden, parameters));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Whether the saved checkpoint has the sizes this run asks for. A run with other sizes cannot continue it: it
     * starts over (and the saved model is kept as a numbered run).
     */
    static boolean sameSizes(Path ck, ModelSizes s, int block, int emb, int hidden) {
        try {
            JsonObject c = JsonParser.parseString(Files.readString(Checkpoint.sidecarOf(ck))).getAsJsonObject()
                    .getAsJsonObject("config");
            return c != null && c.get("block").getAsInt() == block(s, block) && c.get("embDim").getAsInt() == embDim(s, emb)
                    && c.get("hidden").getAsInt() == hidden(s, hidden);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Steps for a text lab: --steps, or --epochs turned into steps, or the quick or long preset. */
    private static long steps(Options o, int tokens, TextMlpTraining.Config cfg, long quick, long longRun) {
        if (o.steps() != null && o.epochs() != null) {
            throw new IllegalArgumentException("give --steps or --epochs, not both");
        }
        long steps;
        if (o.steps() != null) {
            steps = o.steps();
            if (steps < 1) throw new IllegalArgumentException("--steps must be at least 1");
        } else if (o.epochs() != null) {
            if (o.epochs() < 1) throw new IllegalArgumentException("--epochs must be at least 1");
            long trainWindows = tokens - Math.round(tokens * cfg.valFraction()) - cfg.block();
            steps = o.epochs() * Math.max(1, (trainWindows + cfg.batch() - 1) / cfg.batch());
        } else {
            steps = o.longRun() ? longRun : quick;
        }
        return steps;
    }

    /** About 20 evaluations per run (each costs a few steps' time), but not more often than every 25 steps. */
    private static Trainer.Schedule schedule(long steps) {
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
