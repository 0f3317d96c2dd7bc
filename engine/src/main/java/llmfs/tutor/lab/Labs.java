package llmfs.tutor.lab;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import llmfs.compute.data.Corpora;
import llmfs.compute.data.Names;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.train.NamesTraining;
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
    public static final List<String> IDS = List.of("names");

    /** What the learner asked for; null fields mean "the lab's default". */
    public record Options(Integer epochs, Long seed, String corpus, boolean restart) {
        public static Options defaults() {
            return new Options(null, null, null, false);
        }
    }

    /**
     * A ready-to-run lab.
     *
     * @param resume     whether an unfinished checkpoint will be continued
     * @param targetLo   lower edge of the loss band a correct full run ends in
     * @param targetHi   upper edge of that band
     * @param targetNote one line for the learner about the band
     */
    public record Setup(String id, TrainingTask task, Path checkpoint, boolean resume, Trainer.Schedule schedule,
                        float targetLo, float targetHi, String targetNote) {
        public LabRun newRun(long sampleSeed) {
            return new LabRun(task, schedule, checkpoint, resume, sampleSeed);
        }
    }

    /**
     * Quick default for the names lab: well under a minute, and close to where the validation loss bottoms out
     * (about epoch 30–40 with the course's settings; after that the model starts memorising names).
     */
    public static final int NAMES_QUICK_EPOCHS = 40;

    public static Setup create(String id, Options o, Path workspace, Corpora corpora) {
        String lab = id.toLowerCase(Locale.ROOT);
        if (lab.equals("names") || lab.equals("1") || lab.equals("part1")) return names(o, workspace, corpora);
        throw new IllegalArgumentException("unknown lab '" + id + "'; available: " + String.join(", ", IDS));
    }

    private static Setup names(Options o, Path workspace, Corpora corpora) {
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
        NamesTraining.Config cfg = NamesTraining.Config.course()
                .withEpochs(o.epochs() == null ? NAMES_QUICK_EPOCHS : o.epochs());
        if (o.seed() != null) cfg = cfg.withSeed(o.seed());
        if (cfg.epochs() < 1) throw new IllegalArgumentException("--epochs must be at least 1");
        NamesTraining task = new NamesTraining(names, file, cfg);
        Path ck = workspace.resolve("checkpoints").resolve(corpus.equals("indian") ? "names.safetensors"
                : "names-" + corpus + ".safetensors");
        boolean resume = !o.restart() && unfinished(ck, task.totalSteps());
        return new Setup("names", task, ck, resume, Trainer.Schedule.every(task.stepsPerEpoch() * 5), 1.35f, 1.60f,
                "a full 1000-epoch run ends with training loss about 1.5 (the original course: 1.51 at epoch 800), but the "
                        + "validation loss is lowest (about 2.1–2.2) near epoch 30 and then rises: the model memorises");
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
