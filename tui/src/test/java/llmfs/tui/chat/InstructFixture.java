package llmfs.tui.chat;

import llmfs.compute.Rng;
import llmfs.compute.data.InstructionPair;
import llmfs.compute.data.PreferenceTriplet;
import llmfs.compute.nn.Gpt;
import llmfs.compute.text.CourseVocab;
import llmfs.compute.train.DpoTraining;
import llmfs.compute.train.SftTraining;
import llmfs.tutor.lab.Labs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Small instruction models saved with the real SFT and DPO checkpoint code where the sft and dpo labs keep them.
 * A model can be given a strong output bias toward one character, so what it answers is known in advance.
 */
final class InstructFixture {
    private InstructFixture() {}

    static final Gpt.Config TINY = new Gpt.Config(CourseVocab.full().size(), 32, 2, 1, 128, 0f);

    static Gpt model(long seed) {
        return new Gpt(TINY, new Rng(seed));
    }

    /** {@code model} with logit bias +100 on {@code c}: greedy answers are {@code c} repeated (or END at once). */
    static Gpt biased(Gpt model, char c) {
        float[] bias = new float[TINY.vocab()];
        bias[CourseVocab.full().id(c)] = 100f;
        model.head.bias.set(bias);
        return model;
    }

    static void saveSft(Gpt model, Path workspace) throws IOException {
        List<InstructionPair> pairs = List.of(new InstructionPair("a", "arithmetic", "What is 1 + 1?", "1 + 1 = 2.",
                false));
        SftTraining t = new SftTraining(model, pairs, new SftTraining.Settings(1, 1e-3f, 1, 1, 1f), "scratch");
        t.save(Labs.checkpoint("sft", null, workspace), 1, 1f, 1f);
    }

    static void saveDpo(Gpt model, Path workspace) throws IOException {
        List<PreferenceTriplet> ts = List.of(new PreferenceTriplet("p", "rude", "What is 1 + 1?", "1 + 1 = 2.",
                "Go away.", false));
        DpoTraining t = new DpoTraining(model, ts, new DpoTraining.Settings(1, 1e-4f, 1, 0.1f, 1, 1f), "ref");
        t.save(Labs.checkpoint("dpo", null, workspace), 1, 0.5f, 0.6f);
    }
}
