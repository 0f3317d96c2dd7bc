package llmfs.tutor.check;

import llmfs.tutor.TestCourse;
import llmfs.tutor.course.Course;
import llmfs.tutor.course.Exercise;
import llmfs.tutor.workspace.ExerciseStatus;
import llmfs.tutor.workspace.Progress;
import llmfs.tutor.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs real checks in real check processes against learner files that misbehave in every way the tutor must
 * survive. After each bad check the progress file must still parse and a correct file must pass, proving the
 * runner recovered.
 *
 * <p>The service here compiles without the compile-time API check, so that code which the check would refuse
 * ({@code System.exit}, threads) reaches the check process: these tests prove its own defences, the layer behind.
 * {@link HostileLearnerTest} covers the default, fully checked path.
 */
class CheckServiceTest {
    @TempDir
    static Path root;
    private static Course course;
    private static Workspace workspace;
    private static Progress progress;
    private static CheckService service;
    private static Exercise add;

    @BeforeAll
    static void setUp() throws IOException {
        course = TestCourse.load();
        workspace = new Workspace(root.resolve("ws"));
        workspace.ensureCreated(course);
        progress = Progress.load(workspace.progressFile());
        // A small heap makes an unbounded allocation fail within milliseconds, even on a busy machine.
        service = new CheckService(workspace, progress, LearnerCompiler.withoutApiCheck(),
                new CheckRunner(CheckRunner.Options.defaults().withHeapMb(64)));
        service.warmUp();
        add = course.exercise("1.1");
    }

    @AfterAll
    static void tearDown() {
        service.close();
    }

    /** Puts a learner fixture in the workspace as Add.java and checks it through the service. */
    private static Verdict checkAs(String fixture) throws IOException {
        return checkAs(TestCourse.learner(fixture));
    }

    private static Verdict checkAs(Path fixture) throws IOException {
        Files.copy(fixture, workspace.file(add), StandardCopyOption.REPLACE_EXISTING);
        return service.check(add);
    }

    private static void badThenGood(String fixture, Verdict.Kind kind, Consumer<Verdict> more) throws IOException {
        badThenGood(TestCourse.learner(fixture), kind, more);
    }

    /** Checks a bad file, runs the assertions, then proves the progress file and the runner are fine. */
    private static void badThenGood(Path fixture, Verdict.Kind kind, Consumer<Verdict> more) throws IOException {
        int attemptsBefore = progress.state("1.1").attempts();
        Verdict bad = checkAs(fixture);
        assertEquals(kind, bad.kind(), () -> "verdict for " + fixture + ": " + bad);
        assertFalse(bad.passed());
        more.accept(bad);

        Progress reread = Progress.load(workspace.progressFile());
        assertTrue(reread.warnings().isEmpty(), () -> "progress file damaged: " + reread.warnings());
        assertEquals(attemptsBefore + 1, reread.state("1.1").attempts());

        Files.copy(add.solution(), workspace.file(add), StandardCopyOption.REPLACE_EXISTING);
        Verdict good = service.check(add);
        assertEquals(Verdict.Kind.PASS, good.kind(), () -> "after " + fixture + " the correct file gave " + good);
        assertEquals(ExerciseStatus.PASSED, Progress.load(workspace.progressFile()).state("1.1").status());
    }

    @Test
    void templatePassesNothingAndSaysNotImplemented() {
        Verdict v = service.checkFile(add, add.template());
        assertEquals(Verdict.Kind.FAIL, v.kind(), v::toString);
        assertEquals("not implemented yet: return the sum of a and b", v.headline());
    }

    @Test
    void wrongValueFailsAndNamesTheVariant() throws IOException {
        badThenGood(add.wrongVariants().get("subtracts"), Verdict.Kind.FAIL, v -> {
            assertTrue(v.headline().startsWith("add("), v.headline());
            assertEquals("subtracts", v.likelyBug());
        });
    }

    @Test
    void compileErrorShowsLineColumnAndCaret() throws IOException {
        badThenGood("Add.nocompile.java", Verdict.Kind.COMPILE_ERROR, v -> {
            assertEquals("Add.java:3:24: error: ';' expected", v.headline());
            assertTrue(v.details().contains("        int sum = a + b\n                       ^"), v.details());
        });
    }

    @Test
    void endlessLoopTimesOutOnItsCpuTimeAndSaysWhere() throws IOException {
        int before = service.runner().processesStarted();
        badThenGood("Add.loop.java", Verdict.Kind.TIMEOUT, v -> {
            assertEquals("used more than 1.5 s of CPU time — look for a loop whose condition never becomes false",
                    v.headline());
            assertTrue(v.details().contains("When it was stopped, your code was running Add.add(Add.java:"), v.details());
        });
        assertTrue(service.runner().processesStarted() > before, "the looping process was replaced");
    }

    @Test
    void endlessSleepTimesOutOnItsWaitingTimeAndSaysWhere() throws IOException {
        badThenGood("Add.sleep.java", Verdict.Kind.TIMEOUT, v -> {
            assertTrue(v.headline().startsWith("spent more than 1.5 s sleeping or waiting"), v.headline());
            assertTrue(v.details().contains("Add.add(Add.java:"), v.details());
        });
    }

    @Test
    void systemExitIsReportedWithStatusAndFrame() throws IOException {
        badThenGood("Add.exit.java", Verdict.Kind.EXIT, v ->
                assertEquals("your code called System.exit(3) at Add.add(Add.java:4), which ends the whole program",
                        v.headline()));
    }

    @Test
    void haltIsReportedWithItsExitStatus() throws IOException {
        badThenGood("Add.halt.java", Verdict.Kind.EXIT, v -> {
            assertTrue(v.headline().contains("exit status 7"), v.headline());
            assertTrue(v.headline().contains("halt"), v.headline());
        });
    }

    @Test
    void exceptionIsTrimmedToTheLearnersFrames() throws IOException {
        badThenGood("Add.throws.java", Verdict.Kind.EXCEPTION, v -> {
            assertEquals("ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 5 at Add.add(Add.java:6)",
                    v.headline());
            assertFalse(v.details().contains("llmfs."), v.details());
            assertFalse(v.details().contains("reflect"), v.details());
        });
    }

    @Test
    void unboundedAllocationIsOutOfMemory() throws IOException {
        // A generous time limit: however slow the machine, running out of 64 MB comes first.
        Exercise generous = new Exercise(add.id(), add.partId(), add.title(), add.file(), add.check(), 120_000,
                add.hints(), add.afterLesson(), add.exercisesDir());
        Verdict v = service.checkFile(generous, TestCourse.learner("Add.oom.java"));
        assertEquals(Verdict.Kind.OUT_OF_MEMORY, v.kind(), v::toString);
        assertTrue(v.headline().startsWith("your code allocated more than the 64 MB limit"), v.headline());
        assertEquals(Verdict.Kind.PASS, service.checkFile(generous, add.solution()).kind());
    }

    @Test
    void endlessRecursionIsStackOverflowAtTheRecursiveLine() throws IOException {
        badThenGood("Add.recursion.java", Verdict.Kind.STACK_OVERFLOW, v ->
                assertEquals("infinite recursion? the call stack overflowed at Add.java:7", v.headline()));
    }

    @Test
    void floodOfPrintsKeepsTheProtocolAndIsTruncated() throws IOException {
        Verdict v = checkAs("Add.prints.java");
        assertEquals(Verdict.Kind.PASS, v.kind(), v::toString);
        assertNotEquals("forged", v.headline());
        assertTrue(v.learnerOutput().startsWith("{\"type\":\"result\""), v.learnerOutput());
        assertTrue(v.learnerOutput().length() < 4096 + 100, () -> "output length " + v.learnerOutput().length());
        assertTrue(v.learnerOutput().contains("more bytes of output not shown"), v.learnerOutput());
    }

    @Test
    void strayNonDaemonThreadGetsTheProcessReplaced() throws IOException {
        int before = service.runner().processesStarted();
        Verdict v = checkAs("Add.thread.java");
        assertEquals(Verdict.Kind.PASS, v.kind(), v::toString);
        assertTrue(v.details().contains("learner-forever"), v.details());
        // The next check runs in a new process: the old thread's prints must not show up in its output.
        Files.copy(add.solution(), workspace.file(add), StandardCopyOption.REPLACE_EXISTING);
        Verdict next = service.check(add);
        assertEquals(Verdict.Kind.PASS, next.kind());
        assertFalse(next.learnerOutput().contains("still here"), next.learnerOutput());
        assertTrue(service.runner().processesStarted() > before);
    }

    @Test
    void readingStandardInputSeesAnEmptyStream() throws IOException {
        Verdict v = checkAs("Add.stdin.java");
        assertEquals(Verdict.Kind.PASS, v.kind(), v::toString);
    }

    @Test
    void renamedMethodFailsWithAdvice() throws IOException {
        Verdict v = checkAs("Add.renamed.java");
        assertEquals(Verdict.Kind.FAIL, v.kind(), v::toString);
        assertEquals("I expected `public static int add(int, int)` in Add.java but there is no method named add"
                + " — did you rename it?", v.headline());
    }

    @Test
    void learnerMayUseComputeButNotTheTutor() throws IOException {
        assertEquals(Verdict.Kind.PASS, checkAs("Add.usescompute.java").kind());
        Verdict v = checkAs("Add.usestutor.java");
        assertEquals(Verdict.Kind.COMPILE_ERROR, v.kind(), v::toString);
        assertTrue(v.headline().contains("package llmfs.tutor does not exist"), v.headline());
    }

    @Test
    void sameSeedGivesTheSameFailure() {
        Path wrong = add.wrongVariants().get("subtracts");
        Verdict first = service.checkFile(add, wrong, 1234L);
        Verdict again = service.checkFile(add, wrong, 1234L);
        Verdict other = service.checkFile(add, wrong, 98765L);
        assertEquals(1234L, first.seed());
        assertEquals(first.headline(), again.headline());
        assertNotEquals(first.headline(), other.headline());
    }

    @Test
    void missingCheckClassIsInternal() {
        Exercise broken = new Exercise("1.9", 1, "Broken", add.file(), "llmfs.tutor.checks.DoesNotExist", 2000,
                add.hints(), null, add.exercisesDir());
        Verdict v = service.checkFile(broken, add.solution());
        assertEquals(Verdict.Kind.INTERNAL, v.kind(), v::toString);
        assertTrue(v.headline().contains("llmfs.tutor.checks.DoesNotExist"), v.headline());
    }

    @Test
    void missingWorkspaceFileIsExplained() throws IOException {
        Path f = workspace.file(add);
        Files.deleteIfExists(f);
        Verdict v = service.check(add);
        assertEquals(Verdict.Kind.COMPILE_ERROR, v.kind());
        assertTrue(v.headline().contains("missing"), v.headline());
        assertNull(v.likelyBug());
        Files.copy(add.solution(), f);
    }
}
