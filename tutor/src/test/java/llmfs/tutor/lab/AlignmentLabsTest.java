package llmfs.tutor.lab;

import llmfs.compute.Rng;
import llmfs.compute.data.Corpora;
import llmfs.compute.nn.Gpt;
import llmfs.compute.text.CourseVocab;
import llmfs.compute.text.TokenCodec;
import llmfs.compute.train.DpoTraining;
import llmfs.compute.train.GptTraining;
import llmfs.compute.train.LrSchedule;
import llmfs.compute.train.SftTraining;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sft and dpo labs: --from gpt starts from Part 4's weights, dpo needs a finished sft model, options checked. */
class AlignmentLabsTest {
    private static Corpora corpora;

    @TempDir
    Path ws;

    @BeforeAll
    static void findCorpora() {
        corpora = Corpora.locate();
    }

    /** A small Shakespeare GPT saved where the gpt lab keeps Part 4's model. */
    private Gpt savePart4() throws Exception {
        TokenCodec codec = TokenCodec.of(CourseVocab.shakespeare(), ' ');
        String text = corpora.text("tinyshakespeare.txt").substring(0, 5_000);
        GptTraining t = new GptTraining("test", codec.encode(text), codec, new GptTraining.Config(
                new Gpt.Config(65, 32, 2, 1, 64, 0.1f), 4, LrSchedule.constant(1e-3f), 2, 1, 0.1, 0.999f, 0.01f, 1f,
                16, 0.8f, "A", 5));
        t.step(0);
        t.step(1);
        t.save(Labs.checkpoint("gpt", null, ws), 2, 3f, 3f);
        return t.model();
    }

    @Test
    void fromGptStartsFromPart4sWeightsWithTheVocabularyGrownAndALongerContext() throws Exception {
        Gpt p4 = savePart4();
        Labs.Setup s = Labs.create("sft", Labs.Options.defaults().withFrom("gpt").withSteps(1L), ws, corpora);
        SftTraining task = assertInstanceOf(SftTraining.class, s.task());
        Gpt m = task.model();
        assertEquals(CourseVocab.full().size(), m.cfg.vocab());
        assertEquals(128, m.cfg.context());
        assertArrayEquals(p4.blocks.get(0).namedParameters().values().iterator().next().toArray(),
                m.blocks.get(0).namedParameters().values().iterator().next().toArray(), 0f);
        float[] old = p4.tokens.weight.toArray(), grown = m.tokens.weight.toArray();
        assertArrayEquals(old, Arrays.copyOf(grown, old.length), 0f, "Shakespeare's 65 rows are kept");
        assertTrue(s.notes().get(0).contains("grown to 97"), s.notes().toString());
    }

    @Test
    void fromGptWithoutAPart4ModelSaysWhatToRun() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Labs.create("sft", Labs.Options.defaults().withFrom("gpt"), ws, corpora));
        assertTrue(e.getMessage().contains("tutor train gpt"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Labs.create("sft", Labs.Options.defaults().withFrom("names"), ws, corpora));
        assertTrue(e.getMessage().contains("scratch"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Labs.create("shakespeare", Labs.Options.defaults().withFrom("gpt"), ws, corpora));
        assertTrue(e.getMessage().contains("--from is for the sft lab"), e.getMessage());
    }

    @Test
    void dpoNeedsAFinishedSftModelAndUsesItAsPolicyAndReference() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Labs.create("dpo", Labs.Options.defaults(), ws, corpora));
        assertTrue(e.getMessage().contains("tutor train sft"), e.getMessage());

        Gpt sft = new Gpt(new Gpt.Config(CourseVocab.full().size(), 16, 2, 1, 128, 0f), new Rng(3));
        SftTraining t = new SftTraining(sft, llmfs.compute.data.AlignmentData.instructions(corpora),
                new SftTraining.Settings(2, 1e-3f, 10, 1, 1f), "scratch");
        t.save(Labs.checkpoint("sft", null, ws), 4, 2f, 2f);
        e = assertThrows(IllegalArgumentException.class, () -> Labs.create("dpo", Labs.Options.defaults(), ws, corpora));
        assertTrue(e.getMessage().contains("stopped early"), e.getMessage());

        t.save(Labs.checkpoint("sft", null, ws), 10, 2f, 2f);
        Labs.Setup s = Labs.create("dpo", Labs.Options.defaults(), ws, corpora);
        DpoTraining d = assertInstanceOf(DpoTraining.class, s.task());
        assertEquals(DpoLab.QUICK_STEPS, d.totalSteps());
        assertEquals(25, d.heldOutTriplets().size());
        assertArrayEquals(sft.head.weight.toArray(), d.policy().head.weight.toArray(), 0f);
        assertArrayEquals(sft.head.weight.toArray(), d.reference().model().head.weight.toArray(), 0f);
        assertEquals((float) Math.log(2), d.evaluate()[1], 1e-5f);
    }
}
