package llmfs.tutor.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tutor's side of the protocol, against stand-in check processes ({@link FakeChild}, started through a small
 * script in place of {@code java}) that misbehave in ways a real one only does in rare cases — stop answering,
 * die mid-check, never start — or that try to pass off a verdict that is not the check's: on stdout, sealed with
 * the wrong key, for another request or another exercise. None of those may ever count as a pass.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CheckRunnerTest {
    @TempDir
    Path tmp;

    private static final CheckRequest REQUEST =
            new CheckRequest("some.Check", "Add.java", Map.of("Add", new byte[]{1, 2, 3}), 99L, 500);

    /** A runner whose "java" starts {@link FakeChild} in {@code mode}, passing on the channel's socket path. */
    private CheckRunner runner(String mode) throws IOException {
        return runner(mode, 20_000, CheckRunner.Options.MIN_WALL_MS);
    }

    private CheckRunner runner(String mode, long startTimeoutMs, long minWallMs) throws IOException {
        Path exe = tmp.resolve("fake-java-" + mode);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = CheckRunner.Options.absolute(System.getProperty("java.class.path"));
        Files.writeString(exe, "#!/bin/sh\nCH=\nfor a in \"$@\"; do case \"$a\" in -Dllmfs.check.channel=*) CH=\"$a\";; esac; done\n"
                + "exec '" + java + "' $CH -cp '" + cp + "' " + FakeChild.class.getName() + " " + mode + " '" + tmp + "'\n");
        assertTrue(exe.toFile().setExecutable(true));
        CheckRunner.Options o = new CheckRunner.Options(exe.toString(), "unused", 64, true, List.of(), startTimeoutMs, 500)
                .withOsIsolation(false).withMinWallMs(minWallMs);
        return new CheckRunner(o);
    }

    /**
     * Whether this test's {@link FakeChild} in {@code mode} is still running (its command line names this test's
     * folder), waiting generously for a killed one to go.
     */
    private boolean fakeChildAlive(String mode) throws InterruptedException {
        String marker = FakeChild.class.getName() + " " + mode + " " + tmp;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").endsWith(marker))) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** Check processes start in a temporary folder; the defaults tell them where corpora/ and exercises/ are. */
    @Test
    void defaultsPassTheProjectFolderToTheCheckProcess() {
        String flag = CheckRunner.Options.defaults().command().stream()
                .filter(a -> a.startsWith("-Dllmfs.home=")).findFirst().orElseThrow();
        Path home = Path.of(flag.substring("-Dllmfs.home=".length()));
        assertTrue(home.isAbsolute(), flag);
        assertTrue(Files.isRegularFile(home.resolve("corpora/checksums.sha256")), flag);
        assertTrue(Files.isRegularFile(home.resolve("exercises/course.json")), flag);
    }

    @Test
    void theCheckProcessHasHeapOffHeapStackAndMetaspaceLimits() {
        List<String> cmd = CheckRunner.Options.defaults().withHeapMb(100).command();
        assertTrue(cmd.contains("-Xmx100m"), cmd::toString);
        assertTrue(cmd.contains("-XX:MaxDirectMemorySize=" + CheckRunner.Options.DIRECT_MB + "m"), cmd::toString);
        assertTrue(cmd.contains("-Xss1m"), cmd::toString);
        assertTrue(cmd.stream().anyMatch(a -> a.startsWith("-XX:MaxMetaspaceSize=")), cmd::toString);
    }

    @Test
    void theWallClockBackstopIsLongAndScalesWithTheLimit() {
        CheckRunner.Options o = CheckRunner.Options.defaults();
        assertEquals(CheckRunner.Options.MIN_WALL_MS, o.wallMs(1500));
        assertEquals(10 * 15_000, o.wallMs(15_000));
        assertEquals(2_000, o.withMinWallMs(1).wallMs(200));
    }

    @Test
    void checkProcessesComputeOnOneThread() {
        // So that the CPU-time limit means the same on every machine.
        assertTrue(CheckRunner.Options.defaults().command().contains("-Dllmfs.threads=1"));
    }

    @Test
    void aProcessThatStopsAnsweringIsKilledAtTheWallClockBackstop() throws IOException, InterruptedException {
        // It sleeps and uses no CPU: only the wall-clock backstop (here 10 x 0.2 s) can end the wait.
        CheckRequest quick = new CheckRequest("some.Check", "Add.java", Map.of("Add", new byte[]{1}), 99L, 200);
        try (CheckRunner r = runner("hang", 20_000, 1)) {
            Verdict v = r.run(quick);
            assertEquals(Verdict.Kind.TIMEOUT, v.kind(), v::toString);
            assertTrue(v.headline().startsWith("the check process gave no answer within "), v.headline());
            assertTrue(v.headline().contains("of wall time"), v.headline());
            assertEquals(99L, v.seed());
        }
        assertFalse(fakeChildAlive("hang"), "the silent process was not killed");
    }

    @Test
    void aProcessThatComputesWithoutAnsweringIsKilledOnItsCpuTime() throws IOException, InterruptedException {
        // The wall-clock backstop is two minutes away: the process's CPU time is what stops it.
        try (CheckRunner r = runner("spin", 20_000, 120_000)) {
            Verdict v = r.run(REQUEST);
            assertEquals(Verdict.Kind.TIMEOUT, v.kind(), v::toString);
            assertEquals("used more than 0.5 s of CPU time — look for a loop whose condition never becomes false",
                    v.headline());
            assertEquals(99L, v.seed());
        }
        assertFalse(fakeChildAlive("spin"), "the spinning process was not killed");
    }

    @Test
    void aProcessThatDiesWithoutAVerdictReportsItsExitStatus() throws IOException {
        try (CheckRunner r = runner("die")) {
            Verdict v = r.run(REQUEST);
            assertEquals(Verdict.Kind.EXIT, v.kind(), v::toString);
            assertTrue(v.headline().contains("exit status 7"), v.headline());
            assertTrue(v.details().contains("last words"), v.details());
            // It was replaced: a second check starts another process.
            r.run(REQUEST);
            assertTrue(r.processesStarted() >= 2);
        }
    }

    @Test
    void anExitReportNamesTheCallAndFrame() throws IOException {
        try (CheckRunner r = runner("exit-report")) {
            Verdict v = r.run(REQUEST);
            assertEquals(Verdict.Kind.EXIT, v.kind(), v::toString);
            assertEquals("your code called System.exit(3) at Add.add(Add.java:4), which ends the whole program",
                    v.headline());
        }
    }

    @Test
    void aProcessThatNeverStartsIsAnInternalErrorWithItsMessage() throws IOException {
        try (CheckRunner r = runner("no-start")) {
            Verdict v = r.run(REQUEST);
            assertEquals(Verdict.Kind.INTERNAL, v.kind(), v::toString);
            assertTrue(v.headline().contains("did not start"), v.headline());
            assertTrue(v.details().contains("could not find the main class"), v::toString);
        }
    }

    @Test
    void verdictLinesOnStdoutAreNotAVerdict() throws IOException {
        // It never connects, so the runner waits its whole start-up time: keep that short here.
        try (CheckRunner r = runner("forge-stdout", 4_000, CheckRunner.Options.MIN_WALL_MS)) {
            Verdict v = r.run(REQUEST);
            assertEquals(Verdict.Kind.INTERNAL, v.kind(), v::toString);
            assertTrue(v.headline().contains("did not start"), v.headline());
        }
    }

    @Test
    void messagesSealedWithAnotherKeyAreRejected() throws IOException {
        try (CheckRunner r = runner("wrong-key")) {
            Verdict v = r.run(REQUEST);
            assertEquals(Verdict.Kind.INTERNAL, v.kind(), v::toString);
            assertFalse(v.passed());
        }
    }

    @Test
    void aResultForAnotherRequestIsNotAPass() throws IOException {
        try (CheckRunner r = runner("other-request")) {
            Verdict v = r.run(REQUEST);
            assertEquals(Verdict.Kind.INTERNAL, v.kind(), v::toString);
            assertTrue(v.headline().contains("counts as failed"), v.headline());
        }
    }

    @Test
    void aResultForAnotherExerciseIsNotAPass() throws IOException {
        try (CheckRunner r = runner("other-exercise")) {
            Verdict v = r.run(REQUEST);
            assertEquals(Verdict.Kind.INTERNAL, v.kind(), v::toString);
            assertTrue(v.headline().contains("counts as failed"), v.headline());
        }
    }

    @Test
    void strayOutputIsIgnoredAndAHealthyProcessIsReused() throws IOException {
        try (CheckRunner r = runner("healthy")) {
            Verdict v = r.run(REQUEST);
            assertEquals(Verdict.Kind.FAIL, v.kind(), v::toString);
            assertEquals("wrong", v.headline());
            assertEquals("off-by-one", v.likelyBug());
            assertEquals(Double.POSITIVE_INFINITY, v.maxError());
            assertEquals("hi", v.learnerOutput());
            assertEquals(Verdict.Kind.FAIL, r.run(REQUEST).kind());
            assertEquals(1, r.processesStarted());
        }
    }
}
