package llmfs.compute.align;

import llmfs.compute.Rng;
import llmfs.compute.Tensor;
import llmfs.compute.data.InstructionPair;
import llmfs.compute.data.PreferenceTriplet;
import llmfs.compute.nn.Gpt;
import llmfs.compute.text.CourseVocab;
import llmfs.compute.train.DpoTraining;
import llmfs.compute.train.SftTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SFT and DPO tasks on a tiny model: they learn, DPO starts at ln 2, the reference never moves, resume works. */
class TrainingTasksTest {
    private static final Gpt.Config TINY = new Gpt.Config(CourseVocab.full().size(), 32, 2, 1, 64, 0f);

    private static List<InstructionPair> pairs() {
        List<InstructionPair> p = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            p.add(new InstructionPair("t" + i, "arithmetic", "What is " + i + " + 1?", i + " + 1 = " + (i + 1) + ".", false));
        }
        p.add(new InstructionPair("h", "arithmetic", "What is 7 + 1?", "7 + 1 = 8.", true));
        return p;
    }

    private static List<PreferenceTriplet> triplets() {
        List<PreferenceTriplet> t = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            t.add(new PreferenceTriplet("p" + i, "rude", "What is " + i + " + 1?", i + " + 1 = " + (i + 1) + ".",
                    "Go away.", i >= 4));
        }
        return t;
    }

    @Test
    void sftLowersTheMaskedLossAndResumesFromItsCheckpoint(@TempDir Path dir) throws Exception {
        SftTraining sft = new SftTraining(new Gpt(TINY, new Rng(1)), pairs(), new SftTraining.Settings(3, 3e-3f, 60, 7, 1f), "scratch");
        float before = sft.evaluate()[0];
        for (int s = 0; s < 60; s++) sft.step(s);
        float after = sft.evaluate()[0];
        assertTrue(after < before * 0.6, before + " -> " + after);
        Path ck = dir.resolve("sft.safetensors");
        sft.save(ck, 60, after, 0);
        SftTraining again = new SftTraining(new Gpt(TINY, new Rng(99)), pairs(), new SftTraining.Settings(3, 3e-3f, 60, 7, 1f), "scratch");
        assertEquals(60, again.restore(ck));
        assertEquals(after, again.evaluate()[0], 1e-5);
    }

    @Test
    void dpoStartsAtLn2MovesThePolicyNotTheReferenceAndSeparatesRewards() {
        Gpt policy = new Gpt(TINY, new Rng(2));
        DpoTraining dpo = new DpoTraining(policy, triplets(), new DpoTraining.Settings(4, 3e-3f, 30, 0.1f, 3, 1f), "ref");
        float[] ev0 = dpo.evaluate();
        assertEquals(Math.log(2), ev0[0], 1e-5);
        assertEquals(0f, dpo.measures().get(DpoTraining.TRAIN_ACCURACY), "ties are not wins");
        float[] refBefore = dpo.reference().model().parameters().get(0).toArray();
        float first = dpo.step(0);
        assertEquals(Math.log(2), first, 1e-5);
        for (int s = 1; s < 30; s++) dpo.step(s);
        assertArrayEquals(refBefore, dpo.reference().model().parameters().get(0).toArray());
        assertTrue(dpo.reference().model().parameters().stream().allMatch(t -> t.grad() == null || isZero(t.grad())));
        float[] ev = dpo.evaluate();
        assertTrue(ev[0] < 0.5, "train loss " + ev[0]);
        assertEquals(1f, dpo.measures().get(DpoTraining.TRAIN_ACCURACY));
        assertTrue(dpo.measures().get(DpoTraining.TRAIN_CHOSEN) > dpo.measures().get(DpoTraining.TRAIN_REJECTED));
        int[] ba = dpo.heldOutPreferenceBeforeAfter();
        assertEquals(2, ba[2]);
        assertEquals(2, ba[1], "after DPO the policy prefers the chosen answers it was not trained on");
    }

    private static boolean isZero(Tensor g) {
        for (float v : g.toArray()) if (v != 0f) return false;
        return true;
    }
}
