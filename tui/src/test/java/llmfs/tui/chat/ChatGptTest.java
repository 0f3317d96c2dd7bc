package llmfs.tui.chat;

import llmfs.compute.Rng;
import llmfs.compute.train.GptTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static llmfs.tui.chat.ChatFixture.answers;
import static llmfs.tui.chat.ChatFixture.chat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `tutor chat gpt`: the saved GPT is rebuilt from its checkpoint and streams the training sampler's continuation. */
class ChatGptTest {
    @TempDir
    Path ws;

    @Test
    void continuesAPromptAsTheTrainingSamplerDoes() throws Exception {
        GptTraining trained = ChatFixture.gpt(ws);
        ChatModel model = ChatModels.load("gpt", null, ws, null);
        assertInstanceOf(TextChat.class, model);
        assertTrue(model.describe().contains("GPT"), model.describe());
        String t = chat(model, 21, ":len 80\nROMEO:\n:temp 0.5\n:len 120\nJULIET:\\nO\n");
        List<String> a = answers(t, "gpt> ");
        Rng rng = new Rng(21);
        String first = trained.generate("ROMEO:", 80, 0.8f, rng);
        assertEquals(first.endsWith("\n") ? first : first + "\n", a.get(1), t);
        String second = trained.generate("JULIET:\nO", 120, 0.5f, rng);
        assertEquals(second.endsWith("\n") ? second : second + "\n", a.get(4), t);
        assertTrue(t.lines().findFirst().orElseThrow().contains(String.format("%,d parameters",
                trained.parameterCount())), t);
    }

    @Test
    void aCharacterOutsideTheVocabularyIsNamed() throws Exception {
        ChatFixture.gpt(ws);
        ChatModel model = ChatModels.load("part4", null, ws, null);
        String t = chat(model, 1, "ROMEO: 42%\n");
        assertTrue(t.contains("'%'"), t);
    }
}
