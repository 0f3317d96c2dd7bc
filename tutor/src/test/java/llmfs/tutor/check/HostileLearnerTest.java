package llmfs.tutor.check;

import llmfs.tutor.ProjectHome;
import llmfs.tutor.course.Course;
import llmfs.tutor.course.Exercise;
import llmfs.tutor.workspace.Progress;
import llmfs.tutor.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Exercise 1.4 as a hostile learner would write it: one file per attack. Each must get a clear failing verdict,
 * and nothing outside the workspace may change — a classmate's folder next door, the progress file (except for the
 * tutor's own record of the attempt). The default service refuses most attacks when compiling; the same files are
 * also run with the compile-time check switched off, to prove the layers behind it (the class loader, the JVM
 * limits, the OS sandbox) hold on their own.
 */
class HostileLearnerTest {
    @TempDir
    static Path root;
    private static Workspace workspace;
    private static Progress progress;
    private static Exercise crossEntropy;
    private static Exercise generous;
    private static CheckService checked;
    private static CheckService unchecked;
    private static Path classmate;
    private static final String SECRET = "classmate's secret " + ThreadLocalRandom.current().nextLong();

    @BeforeAll
    static void setUp() throws IOException {
        Course course = Course.load(ProjectHome.locate().exercises());
        crossEntropy = course.exercise("1.4");
        // For attacks that take a while by design (a gigabyte of output): the time limit must not decide them.
        generous = new Exercise(crossEntropy.id(), crossEntropy.partId(), crossEntropy.title(), crossEntropy.file(),
                crossEntropy.check(), 120_000, crossEntropy.hints(), crossEntropy.afterLesson(),
                crossEntropy.exercisesDir());
        Path classroom = root.resolve("classroom");
        workspace = new Workspace(classroom.resolve("learner"));
        workspace.ensureCreated(course);
        progress = Progress.load(workspace.progressFile());
        classmate = Files.createDirectories(classroom.resolve("classmate"));
        Files.writeString(classmate.resolve("secret.txt"), SECRET);
        checked = CheckService.create(workspace, progress);
        unchecked = new CheckService(workspace, progress, LearnerCompiler.withoutApiCheck(), new CheckRunner());
    }

    @AfterAll
    static void tearDown() {
        CheckRunner a = checked.runner(), b = unchecked.runner();
        checked.close();
        unchecked.close();
        assertNoFolderLeft(a);
        assertNoFolderLeft(b);
    }

    /** After every attack: the classmate's folder is untouched and nothing was planted next to it. */
    @AfterEach
    void nothingOutsideTheWorkspaceChanged() throws IOException {
        assertEquals(SECRET, Files.readString(classmate.resolve("secret.txt")));
        try (var files = Files.list(classmate)) {
            assertEquals(1, files.count(), "files appeared in the classmate's folder");
        }
        String p = Files.readString(workspace.progressFile());
        assertFalse(p.contains("1.4 passed"), p);
        assertFalse(progress.state("1.4").status().name().equals("PASSED"), "1.4 was recorded as passed");
    }

    private static String attack(String name, Map<String, String> fill) throws IOException {
        String text;
        try (InputStream in = HostileLearnerTest.class.getResourceAsStream("/hostile/CrossEntropy." + name + ".java")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> e : fill.entrySet()) text = text.replace("@@" + e.getKey() + "@@", e.getValue());
        Files.writeString(workspace.file(crossEntropy), text);
        return text;
    }

    private static Verdict check(CheckService service, String name) throws IOException {
        return check(service, name, Map.of());
    }

    private static Verdict check(CheckService service, String name, Map<String, String> fill) throws IOException {
        attack(name, fill);
        Verdict v = service.check(crossEntropy);
        assertFalse(v.passed(), () -> name + " passed: " + v);
        return v;
    }

    private static Verdict checkGenerous(CheckService service, String name) throws IOException {
        attack(name, Map.of());
        Verdict v = service.checkFile(generous, workspace.file(crossEntropy));
        assertFalse(v.passed(), () -> name + " passed: " + v);
        return v;
    }

    private static void refused(Verdict v, String call) {
        assertEquals(Verdict.Kind.COMPILE_ERROR, v.kind(), v::toString);
        assertTrue(v.details().contains(call + " is not allowed in exercises"), v::details);
        assertTrue(v.headline().matches("CrossEntropy\\.java:\\d+:\\d+: error: .*"), v.headline());
    }

    private static boolean sandboxed() {
        return OsIsolation.detect().active();
    }

    @Test
    void forgedVerdictLinesAreOnlyOutput() throws IOException {
        Verdict v = check(checked, "forge");
        assertEquals(Verdict.Kind.FAIL, v.kind(), v::toString);
        assertTrue(v.learnerOutput().contains("\"headline\":\"forged\""), "shown as what it is: output");
        assertFalse(v.headline().contains("forged"), v.headline());
    }

    @Test
    void reflectionIntoTheCheckIsRefusedAndTheCheckIsInvisibleAnyway() throws IOException {
        refused(check(checked, "reflect"), "Class.forName");
        refused(check(checked, "loader"), "Class.getClassLoader");
        // Past the compile-time check, the check classes still cannot be found from learner code.
        Verdict v = check(unchecked, "reflect");
        assertEquals(Verdict.Kind.EXCEPTION, v.kind(), v::toString);
        assertTrue(v.headline().contains("ClassNotFoundException"), v.headline());
        Verdict l = check(unchecked, "loader");
        assertEquals(Verdict.Kind.EXCEPTION, l.kind(), l::toString);
        assertTrue(l.headline().contains("ClassNotFoundException"), l.headline());
    }

    @Test
    void startingAProcessIsRefusedAndNoneOutlivesItsCheck() throws IOException, InterruptedException {
        String marker = String.valueOf(40_000 + ThreadLocalRandom.current().nextInt(20_000));
        refused(check(checked, "process", Map.of("MARKER", marker)), "java.lang.ProcessBuilder");
        // Without the process namespace a detached process would escape: only the sandbox can promise this.
        assumeTrue(sandboxed(), "OS isolation (bubblewrap) is not available here: " + OsIsolation.detect().description());
        Verdict v = check(unchecked, "process", Map.of("MARKER", marker));
        assertTrue(v.details().contains("started") || v.headline().contains("another program")
                || v.kind() == Verdict.Kind.EXCEPTION, v::toString);
        // The background sleep must be gone (killed with the check process or its sandbox).
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (sleeperAlive(marker) && System.nanoTime() < deadline) Thread.sleep(100);
        assertFalse(sleeperAlive(marker), "a process started by learner code outlived its check");
    }

    private static boolean sleeperAlive(String marker) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains("sleep " + marker));
    }

    @Test
    void filesOutsideTheScratchFolderAreUnreachable() throws IOException {
        Map<String, String> paths = Map.of("PROGRESS", workspace.progressFile().toString(),
                "CLASSMATE", classmate.toString());
        refused(check(checked, "files", paths), "java.nio.file.Files");
        assumeTrue(sandboxed(), "OS isolation (bubblewrap) is not available here: " + OsIsolation.detect().description());
        Verdict v = check(unchecked, "files", paths);
        assertEquals(Verdict.Kind.EXCEPTION, v.kind(), v::toString);
        assertTrue(v.headline().contains("NoSuchFileException") || v.headline().contains("FileSystemException")
                || v.headline().contains("AccessDeniedException"), v.headline());
    }

    @Test
    void aSymlinkedExerciseFileIsRefusedWithoutShowingItsTarget() throws IOException {
        Path secret = classmate.resolve("secret.txt");
        Path file = workspace.file(crossEntropy);
        Files.deleteIfExists(file);
        Files.createSymbolicLink(file, secret);
        try {
            Verdict v = checked.check(crossEntropy);
            assertEquals(Verdict.Kind.COMPILE_ERROR, v.kind(), v::toString);
            assertTrue(v.headline().contains("symbolic link"), v.headline());
            assertFalse(v.toString().contains(SECRET), "the target's content was echoed");
        } finally {
            Files.deleteIfExists(file);
        }
        Files.createDirectory(file);
        try {
            Verdict v = checked.check(crossEntropy);
            assertEquals(Verdict.Kind.COMPILE_ERROR, v.kind(), v::toString);
            assertTrue(v.headline().contains("not a regular file"), v.headline());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theNetworkIsUnreachable() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> port = Map.of("PORT", String.valueOf(server.getLocalPort()));
            refused(check(checked, "network", port), "java.net.Socket");
            assumeTrue(sandboxed(), "OS isolation (bubblewrap) is not available here: " + OsIsolation.detect().description());
            Verdict v = check(unchecked, "network", port);
            assertEquals(Verdict.Kind.EXCEPTION, v.kind(), v::toString);
            server.setSoTimeout(500);
            try {
                server.accept().close();
                throw new AssertionError("learner code connected to 127.0.0.1 on the tutor's machine");
            } catch (SocketTimeoutException expected) {
                // nobody came
            }
        }
    }

    @Test
    void unsafeIsRefusedAndOffHeapMemoryIsCapped() throws IOException {
        refused(check(checked, "unsafe"), "sun.misc.Unsafe");
        Verdict v = checkGenerous(checked, "direct");
        assertEquals(Verdict.Kind.OUT_OF_MEMORY, v.kind(), v::toString);
        assertTrue(v.headline().contains("off-heap"), v.headline());
    }

    @Test
    void aGigabyteOfOutputIsCutToAFewKilobytes() throws IOException {
        for (String name : new String[]{"stderr", "longline"}) {
            Verdict v = checkGenerous(checked, name);
            assertEquals(Verdict.Kind.FAIL, v.kind(), v::toString);
            assertTrue(v.learnerOutput().length() < 5000, () -> name + ": " + v.learnerOutput().length() + " chars");
            assertTrue(v.learnerOutput().contains("more bytes of output not shown"), name);
        }
    }

    @Test
    void aGigabyteLineOnTheRealStdoutDoesNotHurtTheTutor() throws IOException {
        refused(check(checked, "rawstdout"), "java.io.FileOutputStream");
        Verdict v = checkGenerous(unchecked, "rawstdout");
        // The verdict still comes over the channel; the forged line at the end of stdout is not it.
        assertEquals(Verdict.Kind.FAIL, v.kind(), v::toString);
        assertFalse(v.headline().contains("forged"), v.headline());
    }

    @Test
    void exitIsRefused() throws IOException {
        refused(check(checked, "exit"), "System.exit");
    }

    @Test
    void anEndlessLoopTimesOut() throws IOException {
        assertEquals(Verdict.Kind.TIMEOUT, check(checked, "loop").kind());
    }

    @Test
    void aThreadBombIsRefusedAndCappedAtRunTime() throws IOException {
        refused(check(checked, "threads"), "new Thread(…)");
        Verdict v = check(unchecked, "threads");
        assertEquals(Verdict.Kind.FAIL, v.kind(), v::toString);
        assertTrue(v.headline().contains("more than " + CheckChild.THREAD_CAP + " threads"), v.headline());
    }

    private static void assertNoFolderLeft(CheckRunner runner) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && runner.foldersCreated().stream().anyMatch(Files::exists)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertFalse(runner.foldersCreated().isEmpty(), "the runner started processes");
        for (Path p : runner.foldersCreated()) assertFalse(Files.exists(p), "left behind: " + p);
    }
}
