package llmfs.tutor.lab;

import llmfs.compute.data.Corpora;
import llmfs.compute.text.BpeFile;
import llmfs.compute.train.TextMlpTraining;
import llmfs.compute.train.TrainEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Part 2 and Part 3 labs: short real runs on Tiny Shakespeare, resuming, and the cached tokenizer. */
class LabsTest {
    private static Corpora corpora;

    @TempDir
    Path ws;

    @BeforeAll
    static void findCorpora() {
        corpora = Corpora.locate();
    }

    /** A run with its events. */
    private record Ran(TrainEvent.Started started, List<TrainEvent.Eval> evals, TrainEvent end) {
        TrainEvent.Finished finished() {
            return assertInstanceOf(TrainEvent.Finished.class, end, () -> end.toString());
        }
    }

    private static Ran run(Labs.Setup setup) {
        List<TrainEvent> events = new ArrayList<>();
        LabRun run = setup.newRun(1);
        run.addListener(events::add);
        TrainEvent end = run.runHere();
        TrainEvent.Started started = (TrainEvent.Started) events.get(0);
        List<TrainEvent.Eval> evals = events.stream().filter(e -> e instanceof TrainEvent.Eval)
                .map(e -> (TrainEvent.Eval) e).toList();
        return new Ran(started, evals, end);
    }

    private static Labs.Options quick(long steps) {
        return Labs.Options.defaults().withSteps(steps).withEvalWindows(512);
    }

    @Test
    void shakespeareLearnsAndResumes() {
        Labs.Setup first = Labs.create("shakespeare", quick(8), ws, corpora);
        assertEquals(560_225, first.task().parameterCount(), "the course's Part 2 model size");
        assertFalse(first.resume());
        Ran a = run(first);
        TrainEvent.Finished done = a.finished();
        assertEquals(8, done.step());
        // Before training the model guesses among 65 characters: loss near ln 65 = 4.17.
        float initial = a.evals().get(0).trainLoss();
        assertEquals(Math.log(65), initial, 0.3);
        assertTrue(done.trainLoss() < initial - 0.4, "8 steps should cut the loss: " + initial + " -> " + done.trainLoss());
        assertTrue(done.valLoss() < initial - 0.3, "and the held-out loss too: " + done.valLoss());
        assertTrue(Files.exists(ws.resolve("checkpoints/shakespeare.safetensors")));

        Labs.Setup more = Labs.create("2", quick(12), ws, corpora);
        assertTrue(more.resume(), "a longer run continues the saved one");
        Ran b = run(more);
        assertEquals(8, b.started().startStep());
        assertEquals(12, b.finished().step());
        assertEquals(done.trainLoss(), b.evals().get(0).trainLoss(), 1e-4,
                "the resumed model starts where the saved one ended (same evaluation windows)");

        Labs.Setup fresh = Labs.create("shakespeare", quick(12).withRestart(true), ws, corpora);
        assertFalse(fresh.resume(), "--restart ignores the checkpoint");
    }

    @Test
    void bpeTrainsOnCachedTokenizer() throws Exception {
        Path cache = ShakespeareTokenizer.cacheFile(ws);
        assertFalse(Files.exists(cache));
        Labs.Setup first = Labs.create("bpe", quick(10), ws, corpora);
        assertEquals(1_222_188, first.task().parameterCount(), "the course's Part 3 model size");
        assertTrue(Files.exists(cache), "the tokenizer is saved for later runs");
        assertTrue(first.notes().get(0).contains("learned 235 merges"), first.notes().toString());
        assertTrue(first.notes().get(0).contains("578,590 tokens"), "the course's token count: " + first.notes());
        Ran a = run(first);
        float initial = a.evals().get(0).trainLoss();
        assertEquals(Math.log(300), initial, 0.3, "a fresh model guesses among 300 tokens");
        assertTrue(a.finished().trainLoss() < initial - 0.2, initial + " -> " + a.finished().trainLoss());

        byte[] saved = Files.readAllBytes(cache);
        Files.setLastModifiedTime(cache, FileTime.fromMillis(1_000_000_000_000L));
        Labs.Setup second = Labs.create("bpe", quick(13), ws, corpora);
        assertTrue(second.notes().get(0).contains("loaded from checkpoints/" + ShakespeareTokenizer.FILE),
                second.notes().toString());
        assertArrayEquals(saved, Files.readAllBytes(cache));
        assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(cache).toMillis(), "the cache was not rewritten");
        assertTrue(second.resume(), "the same tokenizer, so the checkpoint fits and the run continues");
        Ran b = run(second);
        assertEquals(10, b.started().startStep());
        assertEquals(13, b.finished().step());
    }

    @Test
    void aDamagedTokenizerCacheIsReplaced() throws Exception {
        Path cache = ShakespeareTokenizer.cacheFile(ws);
        Files.createDirectories(cache.getParent());
        Files.writeString(cache, "llmfs-bpe 1 chars\nalphabet 2\na\n");
        ShakespeareTokenizer.Loaded l = ShakespeareTokenizer.load(ws, corpora, null);
        assertFalse(l.fromCache());
        assertEquals(300, l.tokenizer().vocabSize());
        assertEquals(300, BpeFile.load(cache).vocabSize(), "the good tokenizer took its place");
        assertTrue(ShakespeareTokenizer.load(ws, corpora, null).fromCache());
    }

    @Test
    void modelSizesAreAppliedValidatedAndRecorded() throws Exception {
        Labs.Setup bigger = Labs.create("shakespeare", quick(3).withSizes(new ModelSizes(16, 24, 128)), ws, corpora);
        TextMlpTraining.Config c = ((TextMlpTraining) bigger.task()).config();
        assertEquals(List.of(16, 24, 128), List.of(c.block(), c.embDim(), c.hidden()));
        // 65·24 embeddings + (16·24)·128 + 128 + 128·65 + 65
        assertEquals(65 * 24 + 16 * 24 * 128 + 128 + 128 * 65 + 65, bigger.task().parameterCount());
        assertTrue(bigger.notes().stream().anyMatch(n -> n.startsWith("Model sizes: block 16 · emb 24 · hidden 128")),
                bigger.notes()::toString);
        run(bigger);
        LabRuns.Run saved = LabRuns.of(bigger.checkpoint()).current().orElseThrow();
        assertEquals("block 16 · emb 24 · hidden 128", saved.sizes(), "the sidecar records the sizes");
        assertTrue(saved.bestValLoss().isPresent());

        // A longer run with other sizes cannot continue the saved model: it starts over, after keeping it.
        Labs.Setup other = Labs.create("shakespeare", quick(6), ws, corpora);
        assertFalse(other.resume());
        assertTrue(other.replacesSavedModel());
        Labs.Setup same = Labs.create("shakespeare", quick(6).withSizes(new ModelSizes(16, 24, 128)), ws, corpora);
        assertTrue(same.resume(), "the same sizes continue it");
        assertFalse(same.replacesSavedModel());

        IllegalArgumentException block = assertThrows(IllegalArgumentException.class, () -> Labs.create("names",
                Labs.Options.defaults().withSizes(new ModelSizes(33, null, null)), ws, corpora));
        assertEquals("--block must be between 1 and 32 (characters or tokens of context), got 33", block.getMessage());
        IllegalArgumentException emb = assertThrows(IllegalArgumentException.class, () -> Labs.create("bpe",
                Labs.Options.defaults().withSizes(new ModelSizes(null, 0, null)), ws, corpora));
        assertTrue(emb.getMessage().startsWith("--emb must be between 1 and 512"), emb.getMessage());
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> Labs.create("shakespeare",
                Labs.Options.defaults().withSizes(new ModelSizes(256, 512, null)), ws, corpora));
        assertTrue(big.getMessage().contains("too big") && big.getMessage().contains("16,777,216"), big.getMessage());
    }

    @Test
    void stepsEpochsAndPresets() {
        Labs.Setup quick = Labs.create("shakespeare", Labs.Options.defaults(), ws, corpora);
        assertEquals(Labs.SHAKESPEARE_QUICK_STEPS, quick.task().totalSteps());
        Labs.Setup longRun = Labs.create("shakespeare", Labs.Options.defaults().withLongRun(true), ws, corpora);
        assertEquals(Labs.SHAKESPEARE_LONG_STEPS, longRun.task().totalSteps());
        // 1,115,394 characters, the last 10% (111,539) held out: 1,003,855 train characters, 1,003,823 windows of
        // 32, and batches of 4096 windows: 246 steps make one epoch.
        Labs.Setup epoch = Labs.create("shakespeare", Labs.Options.defaults().withEpochs(2), ws, corpora);
        assertEquals(1_003_823, ((TextMlpTraining) epoch.task()).trainWindows());
        assertEquals(2 * 246, epoch.task().totalSteps());

        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> Labs.create("shakespeare",
                Labs.Options.defaults().withEpochs(1).withSteps(5L), ws, corpora));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
        IllegalArgumentException names = assertThrows(IllegalArgumentException.class, () -> Labs.create("names",
                Labs.Options.defaults().withSteps(5L), ws, corpora));
        assertTrue(names.getMessage().contains("--epochs"), names.getMessage());
        IllegalArgumentException corpus = assertThrows(IllegalArgumentException.class, () -> Labs.create("bpe",
                Labs.Options.defaults().withCorpus("english"), ws, corpora));
        assertTrue(corpus.getMessage().contains("names lab"), corpus.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> Labs.create("shakespeare",
                Labs.Options.defaults().withSteps(0L), ws, corpora));
        assertTrue(zero.getMessage().contains("at least 1"), zero.getMessage());
    }

    @Test
    void gptLabTrainsTheCoursesModelAndResumes() {
        Labs.Setup first = Labs.create("gpt", quick(2).withEvalWindows(8), ws, corpora);
        assertEquals(610_241, first.task().parameterCount());
        assertTrue(first.task().title().contains("1,003,8"), first.task().title()); // 90% of 1,115,394 characters
        Ran a = run(first);
        assertEquals(2, a.finished().step());
        assertTrue(a.finished().valLoss() > 0 && a.finished().valLoss() < 5, "val " + a.finished().valLoss());
        assertEquals(ws.resolve("checkpoints/gpt.safetensors"), first.checkpoint());

        Labs.Setup more = Labs.create("4", quick(3).withEvalWindows(8), ws, corpora);
        assertTrue(more.resume());
        assertEquals(2, run(more).started().startStep());

        Labs.Setup nano = Labs.create("gpt", Labs.Options.defaults().withConfig("nanogpt"), ws, corpora);
        assertEquals(2_000, nano.task().totalSteps());
        assertEquals(ws.resolve("checkpoints/gpt-nanogpt.safetensors"), nano.checkpoint());
        assertFalse(nano.resume());
        assertTrue(nano.task().title().contains("4 layers"), nano.task().title());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Labs.create("gpt",
                Labs.Options.defaults().withConfig("huge"), ws, corpora));
        assertTrue(bad.getMessage().contains("course or nanogpt"), bad.getMessage());
    }

    @Test
    void everyLabDescribesItselfAndAliasesResolve() {
        for (String id : Labs.IDS) {
            Labs.About a = Labs.about(id);
            assertEquals(id, a.id());
            assertTrue(a.description().length() > 80, a.description());
            assertTrue(a.longCommand().startsWith("tutor train " + id), a.longCommand());
        }
        assertTrue(Labs.about("shakespeare").description().contains("560,225"));
        assertTrue(Labs.about("bpe").description().contains("1,222,188"));
        assertEquals("names", Labs.resolve("part1"));
        assertEquals("shakespeare", Labs.resolve("2"));
        assertEquals("bpe", Labs.resolve("Part3"));
        assertEquals("gpt", Labs.resolve("4"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Labs.resolve("klingon"));
        assertTrue(e.getMessage().contains("names, shakespeare, bpe, gpt"), e.getMessage());
    }
}
