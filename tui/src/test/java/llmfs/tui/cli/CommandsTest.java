package llmfs.tui.cli;

import llmfs.tui.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The headless commands, run in-process against a temporary workspace, with their exit codes. */
class CommandsTest {
    @TempDir
    Path tmp;
    private StringWriter buf;
    private Path root;

    @BeforeEach
    void setUp() {
        buf = new StringWriter();
        GlobalOptions.setOut(new PrintWriter(buf, true));
        root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    }

    @AfterEach
    void tearDown() {
        GlobalOptions.setOut(null);
    }

    private int run(String... args) {
        buf.getBuffer().setLength(0);
        String[] all = new String[args.length + 2];
        all[0] = "--workspace";
        all[1] = tmp.resolve("ws").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Main.run(all);
    }

    private String out() {
        return buf.toString();
    }

    private void put(String solutionOrWrong, String target) throws Exception {
        Files.copy(root.resolve("exercises").resolve(solutionOrWrong), tmp.resolve("ws/part1").resolve(target),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void trainingAgainKeepsTheSavedModelAsARunToCompareAndBringBack() {
        assertEquals(0, run("train", "names", "--epochs", "1", "--samples", "0"));
        assertEquals(0, run("train", "names", "--epochs", "1", "--samples", "0", "--restart", "--emb", "10"));
        assertTrue(out().contains("is kept as run 1: `tutor runs names` compares runs"), out());
        assertTrue(out().contains("Model sizes: block 5 · emb 10 · hidden 256"), out());

        assertEquals(0, run("runs", "names"));
        String table = out();
        assertTrue(table.startsWith("run "), table);
        assertTrue(table.contains("sizes (block/emb/hidden)") && table.contains("best val"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("current ") && l.contains("5/10/256")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("1 ") && l.contains("5/8/256")), table);

        assertEquals(0, run("runs", "names", "--use", "1"));
        assertTrue(out().startsWith("Run 1 is the current names model again"), out());
        assertTrue(out().lines().anyMatch(l -> l.startsWith("current=1 ") && l.contains("5/8/256")), out());
        assertTrue(out().lines().anyMatch(l -> l.startsWith("2 ") && l.contains("5/10/256")),
                "the replaced model is kept too: " + out());
        assertEquals(2, run("runs", "names", "--use", "7"));
        assertEquals(2, run("train", "names", "--hidden", "0"));
        assertEquals(0, run("runs", "bpe"));
        assertTrue(out().contains("No saved bpe model yet"), out());
    }

    @Test
    void aWorkspaceUnderAFileGetsOneLineSayingWhy() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream oldErr = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String[] cmd : new String[][]{{"list"}, {"check", "1.1"}, {"train", "names", "--epochs", "1"}}) {
                err.reset();
                String[] all = new String[cmd.length + 2];
                all[0] = "--workspace";
                all[1] = file.resolve("ws").toString();
                System.arraycopy(cmd, 0, all, 2, cmd.length);
                assertEquals(2, Main.run(all), String.join(" ", cmd));
                String e = err.toString(java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(1, e.strip().lines().count(), "one line: " + e);
                assertTrue(e.contains(file + " is a file, not a folder"), String.join(" ", cmd) + ": " + e);
            }
        } finally {
            System.setErr(oldErr);
        }
        assertFalse(Files.exists(tmp.resolve("checkpoints")));
    }

    @Test
    void listCreatesTheWorkspaceAndShowsEveryExercise() {
        assertEquals(0, run("list"));
        assertTrue(out().contains("Created your workspace"), out());
        assertTrue(out().contains("1.1") && out().contains("1.6"), out());
        assertTrue(Files.exists(tmp.resolve("ws/part1/Windows.java")));
        assertEquals(0, run("list"));
        assertFalse(out().contains("Created your workspace"), "created only once: " + out());
    }

    @Test
    void checkExitCodesAndVerdicts() throws Exception {
        assertEquals(1, run("check", "1.1"));
        assertTrue(out().contains("not implemented yet"), out());
        put("solutions/part1/Vocabulary.java", "Vocabulary.java");
        assertEquals(0, run("check", "1.1"));
        put("wrong/part1/Vocabulary.no-dot.java", "Vocabulary.java");
        assertEquals(1, run("check", "1.1"));
        assertTrue(out().contains("Likely bug (no-dot)"), out());
        assertTrue(out().contains("--seed"), "tells how to reproduce: " + out());
        assertEquals(2, run("check", "9.9"));
        assertEquals(2, run("check"));
    }

    @Test
    void solutionUnlocksOnlyAfterAPass() throws Exception {
        assertEquals(1, run("solution", "1.4"));
        assertTrue(out().contains("unlocks once your own code passes"), out());
        assertFalse(out().contains("Math.log"), "no solution code before the pass");
        put("solutions/part1/CrossEntropy.java", "CrossEntropy.java");
        assertEquals(0, run("check", "1.4"));
        assertEquals(0, run("solution", "1.4"));
        assertTrue(out().contains("Math.log"), out());
    }

    @Test
    void hintsAreProgressive() {
        assertEquals(0, run("hint", "1.2"));
        assertTrue(out().contains("Hint 1 of 3"), out());
        assertEquals(0, run("hint", "1.2"));
        assertTrue(out().contains("Hint 2 of 3"), out());
        run("hint", "1.2");
        assertEquals(0, run("hint", "1.2"));
        assertTrue(out().contains("Hint 3 of 3") && out().contains("last hint"), out());
    }

    @Test
    void resetKeepsABackupAndNeedsConfirmationWhenPiped() throws Exception {
        run("list");
        Path f = tmp.resolve("ws/part1/Sampling.java");
        Files.writeString(f, "// my work\n");
        assertEquals(2, run("reset", "1.5"), "without a terminal, reset refuses to ask and wants --yes");
        assertEquals("// my work\n", Files.readString(f));
        assertEquals(0, run("reset", "1.5", "--yes"));
        assertTrue(Files.readString(f).contains("TODO"));
        try (var s = Files.list(f.getParent())) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("Sampling.java.bak-")), "backup kept");
        }
    }

    @Test
    void trainNamesPrintsLossesAndSamplesWhenPiped() {
        assertEquals(0, run("train", "names", "--epochs", "2", "--samples", "3"));
        String o = out();
        assertTrue(o.contains("step 0") && o.contains("val"), o);
        assertTrue(o.matches("(?s).*train loss \\d\\.\\d{4}, val loss \\d\\.\\d{4}.*"), o);
        assertTrue(o.contains("Samples (T=0.8): "), o);
        assertFalse(o.contains("\r"), "no progress-bar redraws when piped");
        assertTrue(Files.exists(tmp.resolve("ws/checkpoints/names.safetensors")));
        // The progress file knows about the model, as it does after a run on the lab screen.
        String progress = assertDoesNotThrow(() -> Files.readString(tmp.resolve("ws/progress.txt")));
        assertTrue(progress.matches("(?s).*lab names .*checkpoint=checkpoints/names.safetensors step=40 .*"), progress);
        assertEquals(0, run("list"));
        assertTrue(out().contains("names — trained to step 40, val loss "), "tutor list shows the trained lab: " + out());
    }

    @Test
    void trainShakespeareContinuesTheCoursePrompts() {
        assertEquals(0, run("train", "shakespeare", "--steps", "2", "--sample-length", "40"));
        String o = out();
        assertTrue(o.contains("560,225 parameters"), o);
        assertTrue(o.matches("(?s).*Finished after 2 steps in .*: train loss \\d\\.\\d{4}, val loss \\d\\.\\d{4}.*"), o);
        assertTrue(o.contains("\nROMEO:\n") && o.contains("\nJULIET:\n"), "both prompts, then the sample: " + o);
        assertTrue(o.contains("Sample (T=0.8, 40 tokens after the prompt)"), o);
        assertFalse(o.contains("\r"), "no progress-bar redraws when piped");
        assertTrue(Files.exists(tmp.resolve("ws/checkpoints/shakespeare.safetensors")));
    }

    @Test
    void trainBpeRefusesAPromptItCannotEncodeBeforeTraining() {
        buf.getBuffer().setLength(0);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream oldErr = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(2, run("train", "bpe", "--steps", "1", "--prompt", "Café:"));
        } finally {
            System.setErr(oldErr);
        }
        String e = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(e.contains("'é' (U+00E9)") && e.contains("never appears in Tiny Shakespeare"), e);
        assertFalse(Files.exists(tmp.resolve("ws/checkpoints/bpe.safetensors")), "no training happened");
        assertTrue(Files.exists(tmp.resolve("ws/checkpoints/shakespeare-300.bpe")), "the tokenizer is cached");
        assertEquals(2, run("train", "names", "--steps", "5"), "names counts epochs");
        assertEquals(2, run("train", "klingon"), "an unknown lab");
    }
}
