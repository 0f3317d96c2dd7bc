package llmfs.tui.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The real launcher in a real terminal (tmux), driven the way a learner would: open the tutor, go to exercise
 * 1.2, put the solution in place, see the pass, start the lab and watch the chart move, then quit cleanly.
 */
class TutorEndToEndIT {
    private static Path root;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findLauncher() {
        root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        assertTrue(Files.isExecutable(root.resolve("bin/tutor")), "the launcher bin/tutor is missing at " + root);
        if (!Tmux.available()) {
            // Reported as skipped, never as passed.
            assumeFalse("1".equals(System.getenv("TUTOR_SKIP_E2E")), "tmux is missing and TUTOR_SKIP_E2E=1: skipped");
            fail("tmux is not installed; the end-to-end test needs it (apt-get install tmux), or set TUTOR_SKIP_E2E=1");
        }
    }

    private String launch(Path workspace) {
        return "cd " + root + " && env LANG=C.UTF-8 TERM=xterm-256color bin/tutor --workspace " + workspace
                + " 2>" + tmp.resolve("stderr.txt") + "; echo TUTOR-EXITED-$?; sleep 600";
    }

    @Test
    void learnerSolvesExercise12AndWatchesTheLabTrain() throws Exception {
        Path ws = tmp.resolve("workspace");
        try (Tmux t = new Tmux().start(100, 30, launch(ws))) {
            t.awaitText("Course map", 120_000); // the first run may build the project
            t.keys("Enter");
            t.awaitText("Part 1 — Names", 30_000);
            t.keys("2");
            t.awaitText("Exercise 1.2", 30_000);
            t.keys("c");
            t.awaitText("not implemented yet", 60_000);

            // The learner saves a correct file: watch mode re-checks it without a key press.
            Files.copy(root.resolve("exercises/solutions/part1/Windows.java"), ws.resolve("part1/Windows.java"),
                    StandardCopyOption.REPLACE_EXISTING);
            String passed = t.awaitStable("the pass", 60_000, sc -> sc.contains("rows match the reference")
                    && sc.contains("Status: passed"));
            assertTrue(passed.contains("Status: passed"), passed);
            assertTrue(Files.readString(ws.resolve("progress.txt")).contains("exercise 1.2 passed"),
                    "the progress file records the pass");

            t.keys("q");
            t.awaitText("Part 1 — Names", 30_000);
            t.keys("l");
            t.awaitText("Lab: Train the names model", 30_000);
            t.keys("Enter");
            String first = t.await("training steps", 60_000, s -> step(s) > 0);
            // A live screen never settles: the predicate names everything looked at below.
            String later = t.await("more training steps and a val loss", 120_000,
                    s -> step(s) > step(first) + 20 && s.contains("val loss"));
            assertNotEquals(chart(first), chart(later), "the loss chart should change while training");
            assertTrue(later.contains("val loss"), later);

            t.keys("s");
            t.awaitText("Stopped", 60_000);
            t.keys("q");
            t.keys("q");
            t.keys("q");
            String exited = t.awaitStableText("TUTOR-EXITED-", 60_000);
            assertTrue(exited.contains("TUTOR-EXITED-0"), exited);
            assertTrue(Files.exists(ws.resolve("checkpoints/names.safetensors")), "the stopped lab saved its model");
            assertFalse(Files.readString(tmp.resolve("stderr.txt")).contains("Exception"),
                    Files.readString(tmp.resolve("stderr.txt")));
        }
    }

    /** A terminal that goes away (an SSH connection dropping) must not cost the learner the run so far. */
    @Test
    void closedTerminalSavesTheRunningLab() throws Exception {
        Path ws = tmp.resolve("ws-hangup");
        int seen;
        try (Tmux t = new Tmux().start(100, 30, launch(ws))) {
            t.awaitText("Course map", 120_000);
            t.keys("Enter");
            t.awaitText("Part 1 — Names", 30_000);
            t.keys("l");
            t.awaitText("Lab: Train the names model", 30_000);
            t.keys("f"); // the long run: it is still training when the terminal disappears
            seen = step(t.await("training steps", 60_000, s -> step(s) > 100));
        } // closing tmux hangs up the terminal: the tutor gets SIGHUP
        Path sidecar = ws.resolve("checkpoints/names.json");
        Pattern saved = Pattern.compile("\"step\": ([0-9]+)");
        long deadline = System.currentTimeMillis() + 30_000;
        int savedStep = -1;
        while (System.currentTimeMillis() < deadline && savedStep < seen) {
            if (Files.exists(sidecar)) {
                Matcher m = saved.matcher(Files.readString(sidecar));
                if (m.find()) savedStep = Integer.parseInt(m.group(1));
            }
            Thread.sleep(200);
        }
        assertTrue(savedStep >= seen, "the checkpoint should hold at least step " + seen + " (the last one on screen),"
                + " but holds " + savedStep);
        assertTrue(Files.readString(ws.resolve("progress.txt")).contains("lab names"), "progress.txt records the lab");
    }

    /** Part 4's lab opens from the course map, trains the course's GPT, stops and saves. */
    @Test
    void partFourLabTrainsTheGpt() throws Exception {
        Path ws = tmp.resolve("ws-gpt");
        try (Tmux t = new Tmux().start(100, 30, launch(ws))) {
            t.awaitText("Course map", 120_000);
            t.keys("Down", "Down", "Down", "Enter");
            t.awaitText("Part 4 — Attention", 30_000);
            t.keys("l");
            String intro = t.awaitStableText("Lab: Train the GPT", 30_000);
            assertTrue(intro.contains("610,241"), intro);
            t.keys("Enter");
            // A GPT step of batch 128 takes about a second on two busy cores; the first evaluation comes before it.
            t.await("GPT training steps", 180_000, s -> step(s) > 0);
            t.keys("s");
            t.awaitText("Stopped", 180_000);
            t.keys("q");
            t.awaitText("Part 4 — Attention", 30_000);
            t.keys("End"); // the part's extra screens sit below its lessons and exercises
            t.awaitText("Attention explorer", 30_000);
            t.keys("q");
            t.keys("q");
            String exited = t.awaitStableText("TUTOR-EXITED-", 60_000);
            assertTrue(exited.contains("TUTOR-EXITED-0"), exited);
        }
        assertTrue(Files.exists(ws.resolve("checkpoints/gpt.safetensors")), "the stopped lab saved its model");
        assertTrue(Files.readString(ws.resolve("progress.txt")).contains("lab gpt"), "progress.txt records the lab");
    }

    @Test
    void tinyTerminalAsksToEnlargeAndRecovers() throws Exception {
        try (Tmux t = new Tmux().start(60, 15, launch(tmp.resolve("ws")))) {
            // The whole message, drawn for this size, and settled: not its first line caught mid-draw.
            String small = t.awaitStable("the enlarge message for 60x15", 120_000,
                    sc -> sc.contains("enlarge") && sc.contains("q quits") && SIZE_NOW.matcher(sc).find());
            Matcher now = SIZE_NOW.matcher(small);
            assertTrue(now.find() && now.group(1).equals("60") && now.group(2).equals("15"), small);
            t.resize(100, 30);
            t.awaitStableText("Course map", 60_000);
            t.keys("q");
            String exited = t.awaitStableText("TUTOR-EXITED-", 60_000);
            assertTrue(exited.contains("TUTOR-EXITED-0"), exited);
        }
    }

    /** "(it is 60×15 now)" on a Unicode terminal, "60x15" on a plain one. */
    private static final Pattern SIZE_NOW = Pattern.compile("it is ([0-9]+)[×x]([0-9]+) now");

    private static final Pattern STEP = Pattern.compile("step ([0-9,]+)/");

    private static int step(String screen) {
        Matcher m = STEP.matcher(screen);
        return m.find() ? Integer.parseInt(m.group(1).replace(",", "")) : -1;
    }

    /** The rows holding the braille chart (everything above the progress bar). */
    private static String chart(String screen) {
        int end = screen.indexOf("step ");
        return end < 0 ? screen : screen.substring(0, end);
    }
}
