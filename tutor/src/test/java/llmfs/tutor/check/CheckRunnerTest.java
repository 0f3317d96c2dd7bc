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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tutor's side of the protocol, against stand-in check processes (small shell scripts) that misbehave in
 * ways a real one only does in rare cases: stop answering, die mid-check, never start, print junk.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CheckRunnerTest {
    @TempDir
    Path tmp;

    private static final CheckRequest REQUEST =
            new CheckRequest("some.Check", "Add.java", Map.of("Add", new byte[]{1, 2, 3}), 99L, 500);

    /** A runner whose "java" is a script; the script ignores the JVM arguments it is given. */
    private CheckRunner runner(String script) throws IOException {
        Path exe = tmp.resolve("fake-java-" + Math.abs(script.hashCode()));
        Files.writeString(exe, "#!/bin/sh\n" + script + "\n");
        assertTrue(exe.toFile().setExecutable(true));
        CheckRunner.Options o = new CheckRunner.Options(exe.toString(), "unused", 64, true, List.of(), 3_000, 500);
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
    void aProcessThatStopsAnsweringIsKilledAtTheDeadline() throws IOException {
        try (CheckRunner r = runner("echo '{\"type\":\"ready\"}'; exec sleep 30")) {
            long t0 = System.nanoTime();
            Verdict v = r.run(REQUEST);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(Verdict.Kind.TIMEOUT, v.kind(), v::toString);
            assertEquals("ran longer than 0.5 s — look for a loop whose condition never becomes false", v.headline());
            assertTrue(ms >= 1000 && ms < 2500, "waited " + ms + " ms; limit 500 + grace 500");
            assertEquals(99L, v.seed());
        }
    }

    @Test
    void aProcessThatDiesWithoutAVerdictReportsItsExitStatus() throws IOException {
        try (CheckRunner r = runner("echo '{\"type\":\"ready\"}'; read line; echo 'last words' >&2; exit 7")) {
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
        try (CheckRunner r = runner("echo '{\"type\":\"ready\"}'; read line; "
                + "echo '{\"type\":\"exit\",\"frame\":\"Add.add(Add.java:4)\",\"call\":\"System.exit\"}'; exit 3")) {
            Verdict v = r.run(REQUEST);
            assertEquals(Verdict.Kind.EXIT, v.kind(), v::toString);
            assertEquals("your code called System.exit(3) at Add.add(Add.java:4), which ends the whole program",
                    v.headline());
        }
    }

    @Test
    void aProcessThatNeverStartsIsAnInternalErrorWithItsMessage() throws IOException {
        try (CheckRunner r = runner("echo 'Error: could not find the main class' >&2; exit 1")) {
            Verdict v = r.run(REQUEST);
            assertEquals(Verdict.Kind.INTERNAL, v.kind(), v::toString);
            assertTrue(v.headline().contains("did not start"), v.headline());
            assertTrue(v.details().contains("could not find the main class"), v::toString);
        }
    }

    @Test
    void junkBeforeTheResultIsIgnoredAndAHealthyProcessIsReused() throws IOException {
        String result = "{\"type\":\"result\",\"kind\":\"FAIL\",\"headline\":\"wrong\",\"details\":\"\",\"maxError\":\"Infinity\","
                + "\"likelyBug\":\"off-by-one\",\"output\":\"hi\",\"discard\":false}";
        try (CheckRunner r = runner("echo 'junk'; echo '{not json'; echo '{\"type\":\"ready\"}'; "
                + "while read line; do echo '[1,2]'; echo '" + result + "'; done")) {
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
