package llmfs.tutor.lab;

import llmfs.compute.data.Corpora;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.train.Trainer;
import llmfs.compute.train.TrainingTask;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The lab registry: every lab of the course, in course order. Adding a lab means one {@link Lab} class and one line
 * in {@link #ALL}; the CLI, the lab screen, the chat and the part menus find it here.
 */
public final class Labs {
    private Labs() {}

    /** Every lab, in course order. */
    public static final List<Lab> ALL = List.of(new NamesLab(), new ShakespeareLab(), new BpeLab(), new GptLab(),
            new SftLab(), new DpoLab(), new CodeLab());

    /** Known lab ids, in course order. */
    public static final List<String> IDS = ALL.stream().map(Lab::id).toList();

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
     * @param config      gpt lab: which named configuration (null: the lab's default)
     * @param sizes       the MLP labs: the model's sizes (block, embedding, hidden); null fields keep the lab's
     * @param from        sft lab: where the weights start, {@code scratch} (null) or {@code gpt} (Part 4's model)
     */
    public record Options(Integer epochs, Long steps, boolean longRun, Long seed, String corpus, boolean restart,
                          Integer evalWindows, String config, ModelSizes sizes, String from) {
        public Options {
            if (sizes == null) sizes = ModelSizes.DEFAULT;
        }

        public static Options defaults() {
            return new Options(null, null, false, null, null, false, null, null, null, null);
        }

        public Options withFrom(String f) {
            return new Options(epochs, steps, longRun, seed, corpus, restart, evalWindows, config, sizes, f);
        }

        public Options withSizes(ModelSizes s) {
            return new Options(epochs, steps, longRun, seed, corpus, restart, evalWindows, config, s, from);
        }

        /** The value of the lab's variant option: the names corpus or the gpt configuration. */
        public String variant() {
            return corpus != null ? corpus : config;
        }

        public Options withConfig(String c) {
            return new Options(epochs, steps, longRun, seed, corpus, restart, evalWindows, c, sizes, from);
        }

        public Options withEpochs(Integer e) {
            return new Options(e, steps, longRun, seed, corpus, restart, evalWindows, config, sizes, from);
        }

        public Options withSteps(Long s) {
            return new Options(epochs, s, longRun, seed, corpus, restart, evalWindows, config, sizes, from);
        }

        public Options withLongRun(boolean l) {
            return new Options(epochs, steps, l, seed, corpus, restart, evalWindows, config, sizes, from);
        }

        public Options withSeed(Long s) {
            return new Options(epochs, steps, longRun, s, corpus, restart, evalWindows, config, sizes, from);
        }

        public Options withCorpus(String c) {
            return new Options(epochs, steps, longRun, seed, c, restart, evalWindows, config, sizes, from);
        }

        public Options withRestart(boolean r) {
            return new Options(epochs, steps, longRun, seed, corpus, r, evalWindows, config, sizes, from);
        }

        public Options withEvalWindows(Integer w) {
            return new Options(epochs, steps, longRun, seed, corpus, restart, w, config, sizes, from);
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
            return !resume && java.nio.file.Files.isRegularFile(checkpoint);
        }
    }

    /** Quick default for the names lab (epochs). */
    public static final int NAMES_QUICK_EPOCHS = NamesLab.QUICK_EPOCHS;
    /** The names lab's long run: the course's 1000 epochs. */
    public static final int NAMES_LONG_EPOCHS = NamesLab.LONG_EPOCHS;
    /** Default Part 2 run (steps). */
    public static final long SHAKESPEARE_QUICK_STEPS = ShakespeareLab.QUICK_STEPS;
    /** Part 2's long preset (steps). */
    public static final long SHAKESPEARE_LONG_STEPS = ShakespeareLab.LONG_STEPS;
    /** Default Part 3 run (steps). */
    public static final long BPE_QUICK_STEPS = BpeLab.QUICK_STEPS;
    /** Part 3's long preset (steps). */
    public static final long BPE_LONG_STEPS = BpeLab.LONG_STEPS;

    /** The lab called {@code id} or one of its aliases (a part number, "part2", "Part2"). */
    public static Lab get(String id) {
        String want = id.toLowerCase(Locale.ROOT);
        for (Lab lab : ALL) {
            if (lab.id().equals(want) || want.equals(String.valueOf(lab.part())) || want.equals("part" + lab.part())
                    || lab.aliases().contains(want)) {
                return lab;
            }
        }
        throw new IllegalArgumentException("unknown lab '" + id + "'; available: " + String.join(", ", IDS));
    }

    /** The canonical id for {@code id} or one of its aliases. */
    public static String resolve(String id) {
        return get(id).id();
    }

    /** What lab {@code id} trains and how long its runs take (nothing is loaded). */
    public static About about(String id) {
        return get(id).about();
    }

    /**
     * Where lab {@code id} keeps its trained model in {@code workspace} (the sidecar sits beside it, see
     * {@link Checkpoint#sidecarOf}). {@code variant} picks the names lab's corpus or the gpt lab's configuration
     * (null: the default) and must be null for labs without variants.
     */
    public static Path checkpoint(String id, String variant, Path workspace) {
        return get(id).checkpoint(variant, workspace);
    }

    public static Setup create(String id, Options o, Path workspace, Corpora corpora) {
        Lab lab = get(id);
        // Sizes first: a bad value is refused before any data is loaded or a tokenizer trained.
        LabSupport.checkSizes(lab, o.sizes());
        return lab.create(o, workspace, corpora);
    }

    /** The course's model sizes of lab {@code id}, or null when its sizes cannot be changed. */
    public static ModelSizes courseSizes(String id) {
        return get(id).courseSizes();
    }

    /** The longest context lab {@code id} accepts. */
    public static int maxBlock(String id) {
        return get(id).maxBlock();
    }

    /** "names, shakespeare, bpe" — for help texts. */
    public static String idList() {
        return ALL.stream().map(Lab::id).collect(Collectors.joining(", "));
    }

    /** True when a checkpoint exists and stopped before {@code totalSteps}. */
    static boolean unfinished(Path ck, long totalSteps) {
        return LabSupport.unfinished(ck, totalSteps);
    }
}
