package llmfs.tui.chat;

import llmfs.compute.Rng;
import llmfs.compute.align.GreedyAnswerer;
import llmfs.compute.nn.Gpt;
import llmfs.compute.sample.GptSampler;
import llmfs.compute.sample.Sampler;
import llmfs.compute.text.CourseVocab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static llmfs.tui.chat.ChatFixture.answers;
import static llmfs.tui.chat.ChatFixture.chat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sft and dpo chats: template applied, answers streamed until END, :raw, :compare side by side, piped input. */
class ChatInstructTest {
    @TempDir
    Path ws;

    @Test
    void aQuestionIsAnsweredInTheTemplateAsTheGreedyEvaluationDoes() throws Exception {
        Gpt m = InstructFixture.model(3);
        InstructFixture.saveSft(m, ws);
        ChatModel model = ChatModels.load("sft", null, ws, null);
        assertInstanceOf(InstructChat.class, model);
        String t = chat(model, 5, ":temp 0\n:len 40\nWhat is 2 + 2?\n");
        String want = new GreedyAnswerer(m, CourseVocab.full(), 40).answer(List.of("What is 2 + 2?")).get(0);
        String got = answers(t, "sft> ").get(2);
        assertTrue(got.startsWith(want), "chat answer " + got + " vs greedy " + want + "\n" + t);
        assertTrue(t.lines().findFirst().orElseThrow().contains("instruction-tuned GPT"), t);
    }

    @Test
    void theAnswerStopsAtTheEndMarkerAndSaysSoWhenThereIsNone() throws Exception {
        InstructFixture.saveSft(InstructFixture.biased(InstructFixture.model(1), CourseVocab.END), ws);
        String t = chat(ChatModels.load("sft", null, ws, null), 1, "Hello?\n");
        assertEquals("\n", answers(t, "sft> ").get(0).replaceAll("^$", "\n"), t);
        assertFalse(t.contains("no end marker"), t);

        InstructFixture.saveSft(InstructFixture.biased(InstructFixture.model(1), 'x'), ws);
        t = chat(ChatModels.load("sft", null, ws, null), 1, ":len 12\nHello?\n");
        String a = answers(t, "sft> ").get(1);
        assertTrue(a.startsWith("xxxxxxxxxxxx\n"), a);
        assertTrue(a.contains("no end marker after 12 characters"), a);
    }

    @Test
    void rawContinuesPlainTextWithoutTheTemplate() throws Exception {
        Gpt m = InstructFixture.model(7);
        InstructFixture.saveSft(m, ws);
        String t = chat(ChatModels.load("sft", null, ws, null), 2, ":temp 0\n:len 20\n:raw What is\n");
        StringBuilder want = new StringBuilder("What is");
        new GptSampler(m).generate(CourseVocab.full().encode("What is"), 20, Sampler.Settings.temperature(0f),
                new Rng(0), CourseVocab.endId(), id -> {
                    want.append(CourseVocab.full().ch(id));
                    return true;
                });
        assertTrue(answers(t, "sft> ").get(2).startsWith(want.toString()), t + "\nwant " + want);
        // :raw alone switches modes; a plain line is then continued, not answered.
        t = chat(ChatModels.load("sft", null, ws, null), 2, ":temp 0\n:len 20\n:raw\nWhat is\n");
        assertTrue(t.contains("raw mode"), t);
        assertTrue(answers(t, "sft> ").get(3).startsWith(want.toString()), t);
    }

    @Test
    void compareShowsBothModelsSideBySideInEightyColumns() throws Exception {
        InstructFixture.saveSft(InstructFixture.biased(InstructFixture.model(1), 'a'), ws);
        String t = chat(ChatModels.load("sft", null, ws, null), 1, ":compare What is 1 + 1?\n");
        assertTrue(t.contains("tutor train dpo"), "without a dpo model it says what to do: " + t);

        InstructFixture.saveDpo(InstructFixture.biased(InstructFixture.model(2), 'b'), ws);
        t = chat(ChatModels.load("dpo", null, ws, null), 1, ":len 50\nWhat is 1 + 1?\n:compare\n");
        List<String> rows = answers(t, "dpo> ").get(2).lines().toList();
        assertTrue(rows.get(0).startsWith("sft ") && rows.get(0).endsWith("| dpo"), t);
        assertTrue(rows.get(2).startsWith("aaaaaaaaaa") && rows.get(2).contains("| bbbbbbbbbb"), t);
        assertTrue(t.contains("[no end marker]"), t);
        for (String r : rows) assertTrue(r.length() <= 80, r.length() + ": " + r);
    }

    @Test
    void sideBySideWrapsAtSpaces() {
        List<String> rows = InstructChat.sideBySide("L", "one two three four", "R", "x", 23);
        assertEquals(List.of("L          | R", "-----------+-----------", "one two    | x", "three four |"), rows);
    }
}
