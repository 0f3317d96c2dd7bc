package llmfs.tui.chat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static llmfs.tui.chat.ChatFixture.answers;
import static llmfs.tui.chat.ChatFixture.chat;
import static llmfs.tui.chat.ChatFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commands, leaving, and Ctrl-C, on the names and Shakespeare chats. */
class ChatReplTest {
    @TempDir
    Path ws;
    private ChatModel names;

    @BeforeEach
    void setUp() throws Exception {
        ChatFixture.names(ws);
        names = ChatModels.load("names", null, ws, null);
    }

    @Test
    void badCommandsSayWhyInOneLineAndTheChatGoesOn() throws Exception {
        String t = chat(names, 1, ":temp hot\n:temp 9\n:temp -1\n:n 0\n:n many\n:len 50\n:seed x\n:frobnicate\n"
                + ":n 4\n\n");
        List<String> a = answers(t, "names> ");
        String[] expected = {":temp takes a number", "from 0 to 5", "from 0 to 5", "from 1 to", ":n takes a whole number",
                "names end by themselves", ":seed takes a whole number", "unknown command ':frobnicate'"};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(1, lines(a.get(i)).size(), "one line for " + i + ": " + t);
            assertTrue(a.get(i).contains(expected[i]), expected[i] + " in " + a.get(i));
        }
        assertEquals(4, lines(a.get(9)).size(), "the chat went on, with :n 4: " + t);
        assertTrue(a.get(7).contains(":help"), "points to :help: " + a.get(7));
    }

    @Test
    void commandsWithoutAValueShowTheSetting() throws Exception {
        String t = chat(names, 42, ":temp 1.5\n:temp\n:n\n:seed\n");
        List<String> a = answers(t, "names> ");
        assertTrue(a.get(1).contains("temperature 1.5"), t);
        assertTrue(a.get(2).contains("10 names"), t);
        assertTrue(a.get(3).contains("seed 42"), t);
    }

    @Test
    void helpListsTheCommandsForThisModel() throws Exception {
        String names = answers(chat(this.names, 1, ":help\n"), "names> ").get(0);
        for (String c : List.of(":temp", ":n", ":seed", ":quit", "start with")) assertTrue(names.contains(c), names);
        assertFalse(names.contains(":len"), names);
        ChatFixture.shakespeare(ws);
        String text = answers(chat(ChatModels.load("shakespeare", null, ws, null), 1, ":help\n"), "shakespeare> ")
                .get(0);
        for (String c : List.of(":temp", ":len", ":seed", ":quit", "prompt")) assertTrue(text.contains(c), text);
        assertFalse(text.contains(":n "), text);
    }

    @Test
    void quitLeavesAndLaterLinesAreNotRead() throws Exception {
        String t = chat(names, 1, ":n 2\n:quit\n\n");
        assertEquals(2, answers(t, "names> ").size(), "nothing after :quit: " + t);
        String q = chat(names, 1, ":q\n\n");
        assertEquals(1, answers(q, "names> ").size(), q);
    }

    @Test
    void theEndOfTheInputEndsTheChat() throws Exception {
        String t = chat(names, 1, ":n 3\nra");  // no final line break, no :quit
        List<String> a = answers(t, "names> ");
        assertEquals(3, lines(a.get(1)).size(), t);
        assertTrue(lines(a.get(1)).stream().allMatch(n -> n.startsWith("ra")), t);
        assertEquals(1, lines(chat(names, 1, "")).size(), "only the header for no input");
    }

    /** Lines from a list; a null entry is Ctrl-C on an empty line, a "^C..." entry is Ctrl-C with text typed. */
    private static final class Scripted implements LineSource {
        final Deque<String> lines;

        Scripted(String... lines) {
            this.lines = new ArrayDeque<>(List.of(lines));
        }

        @Override
        public String readLine(String prompt) throws Interrupted {
            if (lines.isEmpty()) return null;
            String l = lines.poll();
            if (l.startsWith("^C")) throw new Interrupted(l.substring(2));
            return l;
        }

        @Override
        public void close() {}
    }

    @Test
    void ctrlCClearsATypedLineAndLeavesFromAnEmptyOne() throws Exception {
        StringWriter buf = new StringWriter();
        Scripted in = new Scripted(":n 2", "^Csu", "", "^C", "", "");
        new ChatRepl(names, ChatRepl.defaults(names, 1)).run(in,
                new ChatOutput(new PrintWriter(buf, true), false, new AtomicBoolean()));
        assertEquals(2, in.lines.size(), "left at the empty-line Ctrl-C: " + buf);
        assertEquals(1 + 1 + 2, lines(buf.toString()).size(), "header, :n note, two names: " + buf);
    }

    /** Raises the stop flag once, when the text written so far passes {@code after} characters: a Ctrl-C. */
    private static final class CtrlCAfter extends Writer {
        final StringBuilder text = new StringBuilder();
        final AtomicBoolean stop;
        final int after;
        boolean fired;

        CtrlCAfter(AtomicBoolean stop, int after) {
            this.stop = stop;
            this.after = after;
        }

        @Override
        public void write(char[] c, int off, int len) {
            text.append(c, off, len);
            if (!fired && text.length() > after) {
                fired = true;
                stop.set(true);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    @Test
    void ctrlCDuringAnAnswerStopsOnlyThatAnswer() throws Exception {
        ChatFixture.shakespeare(ws);
        ChatModel model = ChatModels.load("shakespeare", null, ws, null);
        AtomicBoolean stop = new AtomicBoolean();
        CtrlCAfter w = new CtrlCAfter(stop, 400);
        PrintWriter out = new PrintWriter(w, true);
        Scripted in = new Scripted(":len 2000", "ROMEO:", "JULIET:");
        // The transcript (prompts and lines) is not written here, so the answers are found by their prompts.
        new ChatRepl(model, ChatRepl.defaults(model, 5)).run(in, new ChatOutput(out, false, stop));
        String t = w.text.toString();
        int romeo = t.indexOf("ROMEO:"), stopped = t.indexOf("(stopped)"), juliet = t.indexOf("JULIET:");
        assertTrue(romeo >= 0 && stopped > romeo && juliet > stopped, t);
        assertTrue(stopped - romeo < 1000, "the first answer was cut short: " + t);
        String second = t.substring(juliet);
        assertTrue(ChatFixture.spans(second, "JULIET:".length() + 2000), "the next answer runs in full: " + second);
        assertFalse(second.contains("(stopped)"), second);
    }

    @Test
    void pipedOutputHasNoEscapeCodes() throws Exception {
        String t = chat(names, 1, ":help\n:temp x\n\n");
        assertFalse(t.contains("\u001b"), t);
        assertFalse(t.contains("\r"), t);
    }
}
