package llmfs.compute.train;

import llmfs.compute.Rng;
import llmfs.compute.io.ModelCheckpoints;
import llmfs.compute.nn.Gpt;
import llmfs.compute.text.CharVocab;
import llmfs.compute.text.TokenCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GPT task on a small repetitive text: it learns, it resumes exactly (dropout included), hooks apply. */
class GptTrainingTest {
    @TempDir
    Path dir;

    private static final String TEXT = "to be or not to be, that is the question. ".repeat(60);
    private static final CharVocab VOCAB = CharVocab.ofText(TEXT);

    private static GptTraining task(long steps, float dropout) {
        GptTraining.Config c = new GptTraining.Config(new Gpt.Config(VOCAB.size(), 32, 2, 2, 16, dropout), 8,
                LrSchedule.constant(3e-3f), steps, 7, 0.1, 0.999f, 0.01f, 1.0f, 64, 0.8f, "to ", 20);
        return new GptTraining("test text", VOCAB.encode(TEXT), TokenCodec.of(VOCAB, ' '), c);
    }

    @Test
    void learnsAndReportsBothLosses() {
        GptTraining t = task(60, 0f);
        float[] before = t.evaluate();
        for (int s = 0; s < 60; s++) t.step(s);
        float[] after = t.evaluate();
        assertTrue(after[0] < before[0] - 0.8, "train " + before[0] + " -> " + after[0]);
        assertTrue(after[1] < before[1] - 0.8, "val " + before[1] + " -> " + after[1]);
        assertTrue(Double.isFinite(t.lastGradNorm()));
        String sample = t.generate("to ", 30, 0.5f, new Rng(1));
        assertTrue(sample.startsWith("to ") && sample.length() == 33, sample);
    }

    /**
     * The resume tests run on the single-threaded scalar backend: the parallel backend may add partial sums in a
     * different order from run to run, which would blur the bit-for-bit comparison this test is about.
     */
    private static <T> T scalar(java.util.concurrent.Callable<T> body) throws Exception {
        llmfs.compute.backend.Backend before = llmfs.compute.backend.Backends.current();
        llmfs.compute.backend.Backends.use(new llmfs.compute.backend.ScalarBackend());
        try {
            return body.call();
        } finally {
            llmfs.compute.backend.Backends.use(before);
        }
    }

    @Test
    void aResumedRunMatchesAnUninterruptedOneWithDropout() throws Exception {
        scalar(() -> {
            resumeMatches();
            return null;
        });
    }

    private void resumeMatches() throws Exception {
        GptTraining whole = task(8, 0.2f);
        for (int s = 0; s < 8; s++) whole.step(s);

        Path ck = dir.resolve("gpt.safetensors");
        GptTraining first = task(8, 0.2f);
        for (int s = 0; s < 4; s++) first.step(s);
        first.save(ck, 4, 0f, 0f);
        GptTraining second = task(8, 0.2f);
        assertEquals(4, second.restore(ck));
        for (int s = 4; s < 8; s++) second.step(s);

        var a = whole.model().namedParameters();
        var b = second.model().namedParameters();
        for (String n : a.keySet()) assertArrayEquals(a.get(n).toArray(), b.get(n).toArray(), n);
    }

    @Test
    void withoutTheDropoutStateAResumeWouldDiffer() throws Exception {
        scalar(() -> {
            resumeWithoutState();
            return null;
        });
    }

    private void resumeWithoutState() throws Exception {
        // The same as above, but the restored model's dropout generator is put back to its initial state: the
        // weights then differ, which shows the saved state is what makes the resume exact.
        GptTraining whole = task(6, 0.2f);
        for (int s = 0; s < 6; s++) whole.step(s);
        Path ck = dir.resolve("gpt.safetensors");
        GptTraining first = task(6, 0.2f);
        for (int s = 0; s < 3; s++) first.step(s);
        first.save(ck, 3, 0f, 0f);
        GptTraining second = task(6, 0.2f);
        long[] fresh = second.model().dropoutRng().state();
        second.restore(ck);
        second.model().dropoutRng().restoreState(fresh);
        for (int s = 3; s < 6; s++) second.step(s);
        float[] a = whole.model().head.weight.toArray(), b = second.model().head.weight.toArray();
        boolean differs = false;
        for (int i = 0; i < a.length; i++) differs |= a[i] != b[i];
        assertTrue(differs);
    }

    @Test
    void theScheduleSetsEveryStepsRate() {
        List<Long> asked = new ArrayList<>();
        LrSchedule spy = new LrSchedule() {
            public float lr(long step, long total) {
                asked.add(step);
                return 1e-3f;
            }

            public String describe() {
                return "spy";
            }
        };
        GptTraining t = new GptTraining("t", VOCAB.encode(TEXT), TokenCodec.of(VOCAB, ' '),
                task(3, 0f).config().withSchedule(spy));
        asked.clear();
        for (int s = 0; s < 3; s++) t.step(s);
        assertEquals(List.of(0L, 1L, 2L), asked);
        LrSchedule cos = LrSchedule.warmupCosine(1e-3f, 10, 100, 1e-4f);
        assertTrue(cos.lr(0, 100) < cos.lr(9, 100));
        assertEquals(1e-3f, cos.lr(10, 100), 1e-9f);
        assertEquals(1e-4f, cos.lr(100, 100), 1e-9f);
        assertEquals(5.5e-4f, cos.lr(55, 100), 1e-6f);
    }

    @Test
    void aSavedModelIsRebuiltFromItsCheckpoint() throws Exception {
        GptTraining t = task(3, 0.1f);
        for (int s = 0; s < 3; s++) t.step(s);
        Path ck = dir.resolve("m.safetensors");
        t.save(ck, 3, 1f, 2f);
        ModelCheckpoints.Restored r = ModelCheckpoints.load(ck);
        Gpt g = assertInstanceOf(Gpt.class, r.model());
        assertEquals(t.model().cfg, g.cfg);
        for (String n : g.namedParameters().keySet()) {
            assertArrayEquals(t.model().namedParameters().get(n).toArray(), g.namedParameters().get(n).toArray(), n);
        }
        assertEquals(3, r.sidecar().get("step").getAsLong());
    }
}
