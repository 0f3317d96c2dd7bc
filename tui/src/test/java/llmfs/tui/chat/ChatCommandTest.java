package llmfs.tui.chat;

import llmfs.compute.io.Checkpoint;
import llmfs.tui.Main;
import llmfs.tui.cli.GlobalOptions;
import llmfs.tutor.lab.Labs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static llmfs.tui.chat.ChatFixture.answers;
import static llmfs.tui.chat.ChatFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tutor chat LAB} as a command: piped input, and the errors a learner can meet, with exit code 2. */
class ChatCommandTest {
    @TempDir
    Path tmp;
    private StringWriter out;
    private ByteArrayOutputStream err;
    private PrintStream oldErr;
    private InputStream oldIn;

    @BeforeEach
    void setUp() {
        out = new StringWriter();
        GlobalOptions.setOut(new PrintWriter(out, true));
        err = new ByteArrayOutputStream();
        oldErr = System.err;
        oldIn = System.in;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        GlobalOptions.setOut(null);
        System.setErr(oldErr);
        System.setIn(oldIn);
    }

    private Path ws() {
        return tmp.resolve("ws");
    }

    private int chat(String input, String... args) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        String[] all = new String[args.length + 3];
        all[0] = "--workspace";
        all[1] = ws().toString();
        all[2] = "chat";
        System.arraycopy(args, 0, all, 3, args.length);
        return Main.run(all);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pipedLinesGetPlainAnswersUntilQuit() throws Exception {
        ChatFixture.names(ws());
        assertEquals(0, chat("\n:n 3\nsu\n:quit\nka\n", "names", "--seed", "4"), err());
        String t = out.toString();
        assertTrue(t.startsWith("Part 1 names model on names-indian.csv: "), t);
        List<String> a = answers(t, "names> ");
        assertEquals(4, a.size(), "empty line, :n 3, su, :quit; nothing after it: " + t);
        assertTrue(t.endsWith("names> :quit\n"), t);
        assertEquals(10, lines(a.get(0)).size(), t);
        assertEquals(3, lines(a.get(2)).size(), t);
        assertTrue(lines(a.get(2)).stream().allMatch(n -> n.startsWith("su")), t);
        assertFalse(t.contains("\u001b"), "no escape codes when piped: " + t);
        // --seed makes the whole session repeatable.
        String first = t;
        out.getBuffer().setLength(0);
        assertEquals(0, chat("\n:n 3\nsu\n:quit\n", "names", "--seed", "4"));
        assertEquals(first, out.toString());
    }

    @Test
    void anUntrainedModelSaysHowToTrainIt() {
        assertEquals(2, chat("", "names"));
        assertTrue(err().contains("the names model has not been trained yet: run `tutor train names` (or open its lab"
                + " in the tutor) first"), err());
        assertEquals(2, chat("", "part2"));
        assertTrue(err().contains("run `tutor train shakespeare`"), "aliases resolve to the lab: " + err());
        assertEquals(2, chat("", "names", "--corpus", "english"));
        assertTrue(err().contains("`tutor train names --corpus english`"), err());
    }

    @Test
    void aCorruptCheckpointNamesTheFileAndTheFix() throws Exception {
        ChatFixture.names(ws());
        Path ck = Labs.checkpoint("names", null, ws());
        byte[] b = Files.readAllBytes(ck);
        for (int i = b.length / 2; i < b.length / 2 + 16; i++) b[i] ^= 0x5A;
        Files.write(ck, b);
        assertEquals(2, chat(":quit\n", "names"));
        assertTrue(err().contains(ck.toString()), "names the file: " + err());
        assertTrue(err().contains("`tutor train names --restart`"), err());
        assertEquals("", out.toString(), "no chat started");
    }

    @Test
    void aSidecarWithoutTheModelSettingsIsReportedToo() throws Exception {
        ChatFixture.names(ws());
        Path side = Checkpoint.sidecarOf(Labs.checkpoint("names", null, ws()));
        Files.writeString(side, Files.readString(side).replace("\"config\"", "\"settings\""));
        assertEquals(2, chat("", "names"));
        assertTrue(err().contains("'config'") && err().contains("`tutor train names --restart`"), err());
    }

    @Test
    void anUnknownLabListsTheLabs() {
        assertEquals(2, chat("", "klingon"));
        assertTrue(err().contains("unknown lab 'klingon'") && err().contains("names, shakespeare, bpe"), err());
        assertEquals(2, chat("", "shakespeare", "--corpus", "english"));
        assertTrue(err().contains("--corpus is for the names lab"), err());
    }

    @Test
    void aBadTemperatureOptionIsRefused() throws Exception {
        ChatFixture.names(ws());
        assertEquals(2, chat("", "names", "--temperature", "7"));
        assertTrue(err().contains("from 0 to 5"), err());
    }
}
