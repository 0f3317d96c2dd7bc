package llmfs.tui.chat;

import llmfs.compute.Rng;
import llmfs.compute.text.BpeFile;
import llmfs.compute.text.BpeTokenizer;
import llmfs.compute.train.TextMlpTraining;
import llmfs.tutor.lab.ShakespeareTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static llmfs.tui.chat.ChatFixture.answers;
import static llmfs.tui.chat.ChatFixture.chat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Shakespeare and BPE chats: a prompt, continued token by token, on models loaded from their checkpoints. */
class ChatTextTest {
    @TempDir
    Path ws;

    /** The transcript shows the prompt, then the continuation, then a line break if it did not end with one. */
    private static String shown(String generated) {
        return generated.endsWith("\n") ? generated : generated + "\n";
    }

    @Test
    void shakespeareContinuesAPromptAsTheTrainingSamplerDoes() throws Exception {
        TextMlpTraining trained = ChatFixture.shakespeare(ws);
        ChatModel model = ChatModels.load("shakespeare", null, ws, null);
        String t = chat(model, 21, ":len 80\nROMEO:\nJULIET:\\nO\n");
        List<String> a = answers(t, "shakespeare> ");
        Rng rng = new Rng(21);
        assertEquals(shown(trained.generate("ROMEO:", 80, 0.8f, rng)), a.get(1), t);
        // The stream of random numbers goes on; \n in a prompt is a line break.
        assertEquals(shown(trained.generate("JULIET:\nO", 80, 0.8f, rng)), a.get(2), t);
        assertTrue(t.lines().findFirst().orElseThrow().contains(String.format("%,d parameters",
                trained.parameterCount())), t);
    }

    @Test
    void defaultLengthIsThreeHundredCharacters() throws Exception {
        ChatFixture.shakespeare(ws);
        ChatModel model = ChatModels.load("shakespeare", null, ws, null);
        String answer = answers(chat(model, 4, "To be\n"), "shakespeare> ").get(0);
        assertTrue(ChatFixture.spans(answer, "To be".length() + 300), answer.length() + ": " + answer);
        assertTrue(answer.startsWith("To be"), answer);
    }

    @Test
    void temperatureZeroGivesTheSameContinuationTwice() throws Exception {
        TextMlpTraining trained = ChatFixture.shakespeare(ws);
        ChatModel model = ChatModels.load("shakespeare", null, ws, null);
        String t = chat(model, 1, ":temp 0\n:len 60\nROMEO:\nROMEO:\n");
        List<String> a = answers(t, "shakespeare> ");
        assertEquals(a.get(2), a.get(3), t);
        assertEquals(shown(trained.generate("ROMEO:", 60, 0f, new Rng(123))), a.get(2), "greedy needs no luck");
    }

    @Test
    void seedRepeatsAnAnswer() throws Exception {
        ChatFixture.shakespeare(ws);
        ChatModel model = ChatModels.load("shakespeare", null, ws, null);
        String t = chat(model, 1, ":seed 3\nROMEO:\nROMEO:\n:seed 3\nROMEO:\n");
        List<String> a = answers(t, "shakespeare> ");
        assertEquals(a.get(1), a.get(4), t);
        assertNotEquals(a.get(1), a.get(2), t);
    }

    @Test
    void charactersOutsideTheVocabularyAreNamed() throws Exception {
        ChatFixture.shakespeare(ws);
        ChatModel model = ChatModels.load("shakespeare", null, ws, null);
        String t = chat(model, 1, ":len 10\nCafé ☕\nROMEO:\n");
        List<String> a = answers(t, "shakespeare> ");
        String msg = a.get(1).strip();
        assertEquals(1, msg.lines().count(), t);
        assertTrue(msg.contains("'é' (U+00E9)") && msg.contains("'☕' (U+2615)"), msg);
        assertTrue(!msg.contains("'C'") && !msg.contains("'f'"), msg);
        assertTrue(a.get(2).startsWith("ROMEO:") && a.get(2).length() >= "ROMEO:".length() + 10,
                "the next prompt is answered: " + t);
    }

    @Test
    void bpeContinuesAPromptInTokens() throws Exception {
        TextMlpTraining trained = ChatFixture.bpe(ws);
        ChatModel model = ChatModels.load("bpe", null, ws, null);
        assertEquals("tokens", ((TextChat) model).unit());
        String t = chat(model, 8, ":len 40\nROMEO:\nCafé\n");
        List<String> a = answers(t, "bpe> ");
        assertEquals(shown(trained.generate("ROMEO:", 40, 0.8f, new Rng(8))), a.get(1), t);
        assertTrue(a.get(2).contains("'é' (U+00E9)"), t);
    }

    @Test
    void bpeRefusesAnotherTokenizer() throws Exception {
        ChatFixture.bpe(ws);
        BpeFile.save(BpeTokenizer.train(ChatFixture.shakespeare(), 80), ShakespeareTokenizer.cacheFile(ws));
        ChatLoadException e = assertThrows(ChatLoadException.class, () -> ChatModels.load("bpe", null, ws, null));
        assertTrue(e.getMessage().contains("another tokenizer") && e.getMessage().contains("tutor train bpe --restart"),
                e.getMessage());
    }
}
