package llmfs.tutor.lab;

import llmfs.compute.Rng;
import llmfs.compute.code.JavaMethodCorpus;
import llmfs.compute.data.Corpora;
import llmfs.compute.train.GptTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Part 7's lab: registered, the held-out methods are its validation text, both tokenizations, a saved model loads. */
class CodeLabTest {
    @TempDir
    Path ws;

    @Test
    void isRegisteredUnderItsNameAndPart() {
        assertTrue(Labs.get("code") instanceof CodeLab);
        assertEquals("code", Labs.get("7").id());
        assertTrue(Labs.get("code").extras().contains(Lab.Extra.CODE_BENCH));
    }

    @Test
    void theHeldOutMethodsAreTheValidationTextAndBpeIsAVariant() {
        Corpora corpora = Corpora.locate();
        JavaMethodCorpus corpus = JavaMethodCorpus.load(corpora);
        Labs.Setup chars = Labs.create("code", Labs.Options.defaults().withSteps(3L), ws, corpora);
        GptTraining t = (GptTraining) chars.task();
        int[] split = t.splitSizes();
        assertEquals(corpus.heldOutText().length(), split[1], 1.0, "held-out characters are the validation part");
        assertEquals(corpus.trainingText().length(), split[0], 1.0);
        assertEquals(97, t.model().cfg.vocab());
        Labs.Setup bpe = Labs.create("code", Labs.Options.defaults().withSteps(3L).withConfig("bpe"), ws, corpora);
        assertEquals(CodeLab.BPE_VOCAB, ((GptTraining) bpe.task()).model().cfg.vocab());
        assertNotEquals(chars.checkpoint(), bpe.checkpoint());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Labs.create("code",
                Labs.Options.defaults().withConfig("words"), ws, corpora));
        assertTrue(bad.getMessage().contains("chars") && bad.getMessage().contains("bpe"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Labs.create("code",
                Labs.Options.defaults().withEpochs(2), ws, corpora));
    }

    @Test
    void aSavedModelLoadsForTheBenchAndChatAndAMissingOneSaysWhatToRun() throws Exception {
        Corpora corpora = Corpora.locate();
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> CodeModels.load(null, ws, corpora));
        assertTrue(none.getMessage().contains("tutor train code"), none.getMessage());
        Labs.Setup s = Labs.create("code", Labs.Options.defaults().withSteps(2L).withEvalWindows(4), ws, corpora);
        s.task().step(0);
        s.task().save(s.checkpoint(), 1, 3f, 3f);
        CodeModels.Loaded m = CodeModels.load(null, ws, corpora);
        assertTrue(m.description().contains("characters"), m.description());
        String body = m.sampler().complete("/** Returns a. */\npublic static int id(int a) {\n", new Rng(1), x -> { });
        assertTrue(body.length() > 0, "an untrained model still writes something");
        IllegalStateException otherTokenizer = assertThrows(IllegalStateException.class,
                () -> CodeModels.load("bpe", ws, corpora));
        assertTrue(otherTokenizer.getMessage().contains("--bpe"), otherTokenizer.getMessage());
    }
}
