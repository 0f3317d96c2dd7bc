package llmfs.tui.chat;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chat behind a JLine line editor on a dumb terminal over streams, as it runs on a real one. */
class ChatJLineTest {
    @TempDir
    Path ws;

    /** Types {@code keys} into a chat with {@code model}; returns the model's output (the terminal's goes elsewhere). */
    private String type(ChatModel model, String keys, Path history) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        StringWriter answers = new StringWriter();
        try (Terminal t = new DumbTerminal("test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8);
             JLineSource in = new JLineSource(t, history)) {
            new ChatRepl(model, ChatRepl.defaults(model, 2)).run(in,
                    new ChatOutput(new PrintWriter(answers, true), false, new AtomicBoolean()));
        }
        assertTrue(screen.toString(StandardCharsets.UTF_8).contains(model.lab() + "> "), "the prompt is shown");
        return answers.toString();
    }

    @Test
    void namesFromTypedLettersAndAHistoryFile() throws Exception {
        ChatFixture.names(ws);
        ChatModel model = ChatModels.load("names", null, ws, null);
        Path history = ChatTerminal.historyFile(ws);
        String out = type(model, ":n 5\nsu\n:quit\nka\n", history);
        List<String> names = ChatFixture.lines(out).subList(2, 7);
        assertTrue(names.stream().allMatch(n -> n.startsWith("su")), out);
        assertEquals(7, ChatFixture.lines(out).size(), "header, :n note, five names; nothing after :quit: " + out);
        String saved = Files.readString(history);
        assertTrue(saved.contains("su") && saved.contains(":n 5"), "history kept for next time: " + saved);
    }

    @Test
    void aPromptComesThroughExactlyAsTyped() throws Exception {
        ChatFixture.shakespeare(ws);
        ChatModel model = ChatModels.load("shakespeare", null, ws, null);
        // '!' is not history expansion, a quote and a backslash are not shell syntax.
        String line = "O Romeo!! 'tis so, \\nfair";
        String out = type(model, ":len 5\n" + line + "\n", null);
        assertTrue(out.contains("O Romeo"), out);
        String answer = out.substring(out.indexOf("O Romeo"));
        assertTrue(answer.startsWith("O Romeo!! 'tis so, \nfair"), answer);
        assertTrue(ChatFixture.spans(answer, "O Romeo!! 'tis so, \nfair".length() + 5), answer);
    }
}
