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
        return runner(mode, 20_000);
    }

    private CheckRunner runner(String mode, long startTimeoutMs) throws IOException {
        Path exe = tmp.resolve("fake-java-" + mode);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = CheckRunner.Options.absolute(System.getProperty("java.class.path"));
        Files.writeString(exe, "#!/bin/sh\nCH=\nfor a in \"$@\"; do case \"$a\" in -Dllmfs.check.channel=*) CH=\"$a\";; esac; done\n"
                + "exec '" + java + "' $CH -cp '" + cp + "' " + FakeChild.class.getName() + " " + mode + "\n");
        assertTrue(exe.toFile().setExecutable(true));
        CheckRunner.Options o = new CheckRunner.Options(exe.toString(), "unused", 64, true, List.of(), startTimeoutMs, 500)
                .withOsIsolation(false);
        return new CheckRunner(o);
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
    void aProcessThatStopsAnsweringIsKilledAtTheDeadline() throws IOException {
        try (CheckRunner r = runner("hang")) {
            Verdict v = r.run(REQUEST);
            assertEquals(Verdict.Kind.TIMEOUT, v.kind(), v::toString);
            assertEquals("ran longer than 0.5 s — look for a loop whose condition never becomes false", v.headline());
            assertEquals(99L, v.seed());
        }
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
        try (CheckRunner r = runner("forge-stdout", 4_000)) {
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
