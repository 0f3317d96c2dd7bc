package llmfs.tutor.lab;

import llmfs.compute.data.Corpora;
import llmfs.compute.data.Names;
import llmfs.compute.train.NamesTraining;
import llmfs.compute.train.Trainer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Part 1: the course's names MLP on a list of names, split 90/10 by name. */
final class NamesLab implements Lab {
    /**
     * Quick default: well under a minute, and close to where the validation loss bottoms out (about epoch 30–40
     * with the course's settings; after that the model starts memorising names).
     */
    static final int QUICK_EPOCHS = 40;
    /** The long run: the course's 1000 epochs. */
    static final int LONG_EPOCHS = 1000;

    @Override
    public String id() {
        return "names";
    }

    @Override
    public int part() {
        return 1;
    }

    @Override
    public Set<Opt> options() {
        return Set.of(Opt.EPOCHS, Opt.CORPUS);
    }

    @Override
    public List<Extra> extras() {
        return List.of(Extra.EMBEDDINGS);
    }

    @Override
    public String trainHelp() {
        return "--epochs N (default " + QUICK_EPOCHS + "; --long: the course's " + LONG_EPOCHS + "); --corpus indian"
                + " or english";
    }

    @Override
    public String chatHelp() {
        return "Enter: 10 fresh names; letters: names that start with them";
    }

    @Override
    public Labs.About about() {
        return new Labs.About(id(), "This lab trains Part 1's model with the course's settings (emb 8, hidden 256,"
                + " block 5, batch 2048, AdamW lr 0.01) on 90% of the names, and measures the loss on the other"
                + " 10%.",
                "quick run: " + QUICK_EPOCHS + " epochs, well under a minute",
                "long run: " + LONG_EPOCHS + " epochs like the course (training loss ends near 1.5)",
                "tutor train names --epochs " + LONG_EPOCHS);
    }

    @Override
    public Path checkpoint(String corpus, Path workspace) {
        String c = corpus == null ? "indian" : corpus.toLowerCase(Locale.ROOT);
        return switch (c) {
            case "indian" -> workspace.resolve("checkpoints").resolve("names.safetensors");
            case "english" -> workspace.resolve("checkpoints").resolve("names-english.safetensors");
            default -> throw new IllegalArgumentException("unknown names corpus '" + corpus + "': use indian or english");
        };
    }

    @Override
    public ModelSizes courseSizes() {
        NamesTraining.Config c = NamesTraining.Config.course();
        return new ModelSizes(c.block(), c.embDim(), c.hidden());
    }

    @Override
    public int maxBlock() {
        return ModelSizes.NAMES_MAX_BLOCK;
    }

    @Override
    public Labs.Setup create(Labs.Options o, Path workspace, Corpora corpora) {
        LabSupport.rejectUnknown(this, o);
        String corpus = o.corpus() == null ? "indian" : o.corpus().toLowerCase(Locale.ROOT);
        List<String> names;
        String file;
        switch (corpus) {
            case "indian" -> {
                names = Names.indian(corpora);
                file = Names.INDIAN_FILE;
            }
            case "english" -> {
                names = Names.english(corpora);
                file = Names.ENGLISH_FILE;
            }
            default -> throw new IllegalArgumentException("unknown names corpus '" + o.corpus()
                    + "': use indian or english");
        }
        int epochs = o.epochs() != null ? o.epochs() : o.longRun() ? LONG_EPOCHS : QUICK_EPOCHS;
        NamesTraining.Config course = NamesTraining.Config.course();
        ModelSizes sizes = o.sizes();
        NamesTraining.Config cfg = new NamesTraining.Config(sizes.embOr(course.embDim()), sizes.hiddenOr(course.hidden()),
                sizes.blockOr(course.block()), course.batch(), course.lr(), epochs, course.seed(), course.valFraction(),
                course.temperature());
        if (o.seed() != null) cfg = cfg.withSeed(o.seed());
        if (cfg.epochs() < 1) throw new IllegalArgumentException("--epochs must be at least 1");
        NamesTraining task = new NamesTraining(names, file, cfg);
        Path ck = checkpoint(corpus, workspace);
        boolean resume = !o.restart() && LabSupport.unfinished(ck, task.totalSteps())
                && LabSupport.sameSizes(ck, cfg.block(), cfg.embDim(), cfg.hidden());
        return new Labs.Setup(id(), task, ck, resume, Trainer.Schedule.every(task.stepsPerEpoch() * 5), 1.35f, 1.60f,
                "long run",
                "a full 1000-epoch run ends with training loss about 1.5 (the original course: 1.51 at epoch 800), but the "
                        + "validation loss is lowest (about 2.1–2.2) near epoch 30 and then rises: the model memorises",
                about(), LabSupport.sizesNote(sizes, cfg.block(), cfg.embDim(), cfg.hidden(),
                        task.model().parameterCount()));
    }
}
