package llmfs.tui.chat;

import llmfs.compute.Rng;
import llmfs.compute.train.NamesTraining;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static llmfs.tui.chat.ChatFixture.answers;
import static llmfs.tui.chat.ChatFixture.chat;
import static llmfs.tui.chat.ChatFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The names chat on a model trained for a few steps and loaded from its checkpoint. */
class ChatNamesTest {
    @TempDir
    Path ws;
    private NamesTraining trained;
    private ChatModel model;

    @BeforeEach
    void setUp() throws Exception {
        trained = ChatFixture.names(ws);
        model = ChatModels.load("names", null, ws, null);
        assertInstanceOf(NamesChat.class, model);
    }

    private static List<String> shown(List<String> names) {
        return names.stream().map(n -> n.isEmpty() ? "(an empty name: the model ended it straight away)" : n).toList();
    }

    @Test
    void headerNamesTheModelItsSizeStepAndValLoss() throws Exception {
        String first = chat(model, 1, "").lines().findFirst().orElseThrow();
        assertTrue(first.contains(String.format("%,d parameters", trained.parameterCount())), first);
        assertTrue(first.contains("trained " + ChatFixture.STEPS + " of " + trained.totalSteps() + " steps"), first);
        assertTrue(first.contains(String.format(java.util.Locale.ROOT, "val loss %.4f", trained.evaluate()[1])), first);
        assertTrue(first.contains(":help"), first);
    }

    @Test
    void enterOnAnEmptyLineGivesTheTrainingSamplersNames() throws Exception {
        String t = chat(model, 5, "\n");
        List<String> got = lines(answers(t, "names> ").get(0));
        // The reference: the course's sampler on the in-memory model, from the same seed.
        List<String> want = shown(NamesTraining.generate(trained.model(), trained.vocab(), 10, 0.8f, new Rng(5)));
        assertEquals(want, got, t);
    }

    @Test
    void typedLettersStartEveryName() throws Exception {
        String t = chat(model, 11, ":n 25\nsu\nKA\n");
        List<String> a = answers(t, "names> ");
        List<String> su = lines(a.get(1)), ka = lines(a.get(2));
        assertEquals(25, su.size(), t);
        assertEquals(25, ka.size(), t);
        assertTrue(su.stream().allMatch(n -> n.startsWith("su")), t);
        assertTrue(ka.stream().allMatch(n -> n.startsWith("ka")), "capitals fold to the model's small letters: " + t);
        assertTrue(su.stream().anyMatch(n -> n.length() > 2), "the model adds letters after the prefix: " + t);
        assertTrue(su.stream().distinct().count() > 3, "sampled, not one fixed answer: " + t);
    }

    /** The likeliest name starting with {@code prefix}, worked out here from the model's logits. */
    private String greedy(String prefix) {
        int block = trained.model().block;
        int[] ctx = new int[block];
        StringBuilder name = new StringBuilder();
        for (char c : prefix.toCharArray()) {
            System.arraycopy(ctx, 1, ctx, 0, block - 1);
            ctx[block - 1] = trained.vocab().id(c);
            name.append(c);
        }
        for (int n = 0; n < 15; n++) {
            float[] logits = trained.model().forward(ctx, 1).toArray();
            int best = 0;
            for (int i = 1; i < logits.length; i++) if (logits[i] > logits[best]) best = i;
            if (best == 0) break;
            name.append(trained.vocab().ch(best));
            System.arraycopy(ctx, 1, ctx, 0, block - 1);
            ctx[block - 1] = best;
        }
        return name.toString();
    }

    @Test
    void aPrefixGoesThroughTheModelsContext() throws Exception {
        // At temperature 0 each name is the likeliest continuation of its prefix, as the model's context sees it.
        String t = chat(model, 1, ":temp 0\n:n 1\nq\nzz\nvik\n");
        List<String> a = answers(t, "names> ");
        assertEquals(greedy("q"), lines(a.get(2)).get(0), t);
        assertEquals(greedy("zz"), lines(a.get(3)).get(0), t);
        assertEquals(greedy("vik"), lines(a.get(4)).get(0), t);
    }

    @Test
    void lettersTheModelNeverSawAreNamedAndTheChatGoesOn() throws Exception {
        String t = chat(model, 3, "a1b!\n:n 2\nab\n");
        List<String> a = answers(t, "names> ");
        String msg = a.get(0).strip();
        assertEquals(1, a.get(0).strip().lines().count(), "one line: " + t);
        assertTrue(msg.contains("'1'") && msg.contains("'!'") && msg.contains("abcdefghijklmnopqrstuvwxyz"), msg);
        assertTrue(!msg.contains("'a'") && !msg.contains("'b'"), "only the unknown ones: " + msg);
        assertEquals(2, lines(a.get(2)).size(), t);
        assertTrue(lines(a.get(2)).stream().allMatch(n -> n.startsWith("ab")), t);
    }

    @Test
    void theSameSeedGivesTheSameNamesAndTheStreamMovesOn() throws Exception {
        String t = chat(model, 99, ":seed 7\nsu\nsu\n:seed 7\nsu\n");
        List<String> a = answers(t, "names> ");
        assertEquals(a.get(1), a.get(4), "after :seed 7 again, the same names: " + t);
        assertNotEquals(a.get(1), a.get(2), "without reseeding the next names are new: " + t);
        String other = chat(model, 12345, "su\n");
        assertEquals(lines(a.get(1)), lines(answers(chat(model, 7, "su\n"), "names> ").get(0)),
                "--seed 7 at the start is the same as :seed 7");
        assertNotEquals(a.get(1), answers(other, "names> ").get(0), "another seed, other names");
    }

    @Test
    void temperatureZeroRepeatsItself() throws Exception {
        String t = chat(model, 1, ":temp 0\n:n 3\n\n\n");
        List<String> a = answers(t, "names> ");
        List<String> first = lines(a.get(2));
        assertEquals(first, lines(a.get(3)), t);
        assertEquals(1, first.stream().distinct().count(), "greedy: every name is the likeliest one: " + t);
        assertEquals(shown(NamesTraining.generate(trained.model(), trained.vocab(), 1, 0f, new Rng(0))).get(0),
                first.get(0));
    }
}
