package llmfs.tutor.workspace;

import llmfs.tutor.TestCourse;
import llmfs.tutor.check.Verdict;
import llmfs.tutor.course.Course;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {
    @TempDir
    Path tmp;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T13:05:00.750Z"), ZoneOffset.UTC);
    private static final Verdict PASS = Verdict.of(Verdict.Kind.PASS, "ok", "");
    private static final Verdict FAIL = Verdict.of(Verdict.Kind.FAIL, "wrong", "");

    @Test
    void writesTheDocumentedFormat() throws IOException {
        Path file = tmp.resolve("progress.txt");
        Progress p = Progress.load(file, clock);
        p.recordAttempt("1.10", FAIL);
        p.recordAttempt("1.2", FAIL);
        p.recordHint("1.2");
        p.recordAttempt("1.2", PASS);
        p.recordHint("2.1");
        p.markLab("names", "checkpoints/my names.safetensors", 1200, 1.52, 1.6);

        assertEquals(List.of(
                Progress.HEADER,
                "exercise 1.2 passed 2026-11-24T13:05:00Z attempts=2 hints=1",
                "exercise 1.10 failed 2026-11-24T13:05:00Z attempts=1 hints=0",
                "exercise 2.1 started 2026-11-24T13:05:00Z attempts=0 hints=1",
                "lab names 2026-11-24T13:05:00Z checkpoint=checkpoints/my%20names.safetensors step=1200 trainLoss=1.5200 valLoss=1.6000"),
                Files.readAllLines(file));
    }

    @Test
    void lessonsReadAreRecordedOnceAndReadBack() throws IOException {
        Path file = tmp.resolve("progress.txt");
        Progress p = Progress.load(file, clock);
        assertFalse(p.lessonRead("1-3"));
        p.recordAttempt("1.1", FAIL);
        p.markLessonRead("1-3");
        p.markLessonRead("1-3");
        p.markLessonRead("2-1");
        assertEquals(List.of(Progress.HEADER, "exercise 1.1 failed 2026-11-24T13:05:00Z attempts=1 hints=0",
                "lesson 1-3 2026-11-24T13:05:00Z", "lesson 2-1 2026-11-24T13:05:00Z"), Files.readAllLines(file));
        Progress again = Progress.load(file, clock);
        assertTrue(again.lessonRead("1-3"));
        assertTrue(again.lessonRead("2-1"));
        assertFalse(again.lessonRead("1-4"));
        assertTrue(again.warnings().isEmpty(), again.warnings().toString());
        assertThrows(IllegalArgumentException.class, () -> again.markLessonRead("no spaces allowed"));
    }

    @Test
    void readsBackWhatItWrote() {
        Path file = tmp.resolve("progress.txt");
        Progress p = Progress.load(file, clock);
        p.recordAttempt("1.1", PASS);
        p.recordAttempt("1.1", FAIL); // a later failure does not undo the pass
        p.recordHint("1.1");
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("checkpoint", "a b%c\td");
        facts.put("step", "7");
        p.markLab("shakespeare", facts);

        Progress q = Progress.load(file);
        assertTrue(q.warnings().isEmpty(), q.warnings()::toString);
        ExerciseState s = q.state("1.1");
        assertEquals(ExerciseStatus.PASSED, s.status());
        assertEquals(2, s.attempts());
        assertEquals(1, s.hints());
        assertEquals(Instant.parse("2026-11-24T13:05:00Z"), s.updated());
        assertEquals(facts, q.lab("shakespeare").orElseThrow().facts());
        assertEquals(ExerciseStatus.NOT_STARTED, q.state("1.2").status());
        assertTrue(q.lab("names").isEmpty());
    }

    @Test
    void countsPassedExercisesPerPart() {
        Course course = TestCourse.load();
        Progress p = Progress.load(tmp.resolve("progress.txt"));
        p.recordAttempt("1.1", PASS);
        p.recordAttempt("1.2", FAIL);
        p.recordAttempt("2.1", PASS);
        assertEquals(1, p.passedCount(course.part(1)));
        assertEquals(1, p.passedCount(course.part(2)));
        p.recordAttempt("1.2", PASS);
        assertEquals(2, p.passedCount(course.part(1)));
    }

    @Test
    void aMissingFileIsAnEmptyProgressAndNothingIsWrittenUntilSomethingHappens() {
        Path file = tmp.resolve("sub/progress.txt");
        Progress p = Progress.load(file);
        assertTrue(p.exercises().isEmpty());
        assertFalse(Files.exists(file));
        p.recordHint("1.1");
        assertTrue(Files.exists(file));
    }

    @Test
    void replacesTheFileWithoutLeavingTemporaryFiles() throws IOException {
        Path file = tmp.resolve("progress.txt");
        Progress p = Progress.load(file, clock);
        for (int i = 0; i < 20; i++) p.recordAttempt("1.1", FAIL);
        try (Stream<Path> files = Files.list(tmp)) {
            // the file and the (empty) lock sidecar that guards its updates; no temporary files left behind
            assertEquals(List.of(file, tmp.resolve("progress.txt.lock")), files.sorted().toList());
        }
        assertEquals(2, Files.readAllLines(file).size()); // header + one line: replaced, never appended
    }

    @Test
    void corruptLinesAreReportedSkippedAndTheOriginalIsKept() throws IOException {
        Path file = tmp.resolve("progress.txt");
        String original = String.join("\n",
                "# a comment",
                "exercise 1.1 passed 2026-11-24T13:05:00Z attempts=3 hints=1",
                "exercise 1.2 passd 2026-11-24T13:05:00Z attempts=1 hints=0",
                "exercise 1.3 failed yesterday attempts=1 hints=0",
                "garbage line",
                "exercise 2.1 failed 2026-11-24T13:09:12Z attempts=x hints=0",
                "lab names step=12 valLoss=1.5",
                "exercise 1.4 failed 2026-11-24T13:09:12Z atte",
                "");
        byte[] originalBytes = (original + "\u00ff").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(file, originalBytes);

        Progress p = Progress.load(file, clock);
        List<String> w = p.warnings();
        assertEquals(6, w.size(), w::toString);
        assertTrue(w.get(0).startsWith("progress.txt line 3: \"passd\" is not a status"), w.get(0));
        assertTrue(w.get(1).startsWith("progress.txt line 4: \"yesterday\" is not a time"), w.get(1));
        assertTrue(w.get(2).startsWith("progress.txt line 5:"), w.get(2));
        assertTrue(w.get(3).startsWith("progress.txt line 6:"), w.get(3));
        assertTrue(w.get(4).startsWith("progress.txt line 8:"), w.get(4));
        assertTrue(w.get(5).startsWith("progress.txt line 9:"), w.get(5)); // the stray byte
        assertEquals(3, p.state("1.1").attempts());
        assertEquals("12", p.lab("names").orElseThrow().fact("step").orElseThrow());
        assertEquals(ExerciseStatus.NOT_STARTED, p.state("1.2").status());

        // Nothing is touched until the next write, which first keeps the original.
        assertTrue(p.corruptCopy().isEmpty());
        assertArrayEquals(originalBytes, Files.readAllBytes(file));
        p.recordAttempt("1.2", PASS);
        Path copy = p.corruptCopy().orElseThrow();
        assertEquals("progress.txt.corrupt-20261124T130500Z", copy.getFileName().toString());
        assertArrayEquals(originalBytes, Files.readAllBytes(copy));

        Progress again = Progress.load(file);
        assertTrue(again.warnings().isEmpty(), again.warnings()::toString);
        assertEquals(3, again.state("1.1").attempts());
        assertTrue(again.state("1.2").passed());
        assertEquals("1.5", again.lab("names").orElseThrow().fact("valLoss").orElseThrow());

        // A clean file makes no more copies.
        again.recordHint("1.1");
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().contains("corrupt")).count());
        }
    }

    @Test
    void rejectsIdsThatWouldBreakTheFormat() {
        Progress p = Progress.load(tmp.resolve("progress.txt"));
        assertThrows(IllegalArgumentException.class, () -> p.recordAttempt("1.1 passed", PASS));
        assertThrows(IllegalArgumentException.class, () -> p.markLab("my lab", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> p.markLab("lab", Map.of("bad key", "v")));
    }

    @Test
    void concurrentUpdatesAreAllCounted() throws Exception {
        Path file = tmp.resolve("progress.txt");
        Progress p = Progress.load(file);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String id = "1." + (t + 1);
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    p.recordAttempt(id, FAIL);
                    p.recordHint("2.1");
                }
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        Progress q = Progress.load(file);
        assertTrue(q.warnings().isEmpty());
        for (int t = 1; t <= 4; t++) assertEquals(25, q.state("1." + t).attempts());
        assertEquals(100, q.state("2.1").hints());
    }

    @Test
    void aLongLivedObjectNeverWritesBackAStaleCopy() {
        Path file = tmp.resolve("progress.txt");
        Progress ui = Progress.load(file, clock);      // e.g. the full-screen UI, open for hours
        Progress other = Progress.load(file, clock);   // e.g. `tutor train` or `tutor check` in a second window
        ui.recordAttempt("1.1", FAIL);
        other.markLab("names", "checkpoints/names.safetensors", 100, 2.0, 2.1);
        other.recordHint("1.2");
        other.recordAttempt("1.1", PASS);
        ui.recordHint("1.3");                          // must merge with, not overwrite, the other's records

        Progress fresh = Progress.load(file);
        assertEquals(2, fresh.state("1.1").attempts());
        assertTrue(fresh.state("1.1").passed());
        assertEquals(1, fresh.state("1.2").hints());
        assertEquals(1, fresh.state("1.3").hints());
        assertEquals("100", fresh.lab("names").orElseThrow().fact("step").orElseThrow());
        // and the long-lived object's views show the other's records without reloading
        assertEquals("100", ui.lab("names").orElseThrow().fact("step").orElseThrow());
        assertTrue(ui.state("1.1").passed());
    }

    @Test
    void aHandEditIsSeenByARunningTutor() throws IOException {
        Path file = tmp.resolve("progress.txt");
        Progress p = Progress.load(file, clock);
        p.recordHint("1.1");
        Files.writeString(file, Progress.HEADER + "\nexercise 1.1 passed 2026-11-24T13:05:00Z attempts=9 hints=2\n");
        assertEquals(9, p.state("1.1").attempts());
        p.recordHint("1.1");
        assertEquals(3, Progress.load(file).state("1.1").hints());
    }

    @Test
    void escapingRoundTrips() {
        for (String s : List.of("", "plain", "a b", "100%", "%20", "tab\there", "line\nbreak\r")) {
            String e = Progress.escape(s);
            assertFalse(e.contains(" ") || e.contains("\n") || e.contains("\t"), e);
            assertEquals(s, Progress.unescape(e));
        }
        assertEquals(null, Progress.unescape("bad%2"));
        assertEquals(null, Progress.unescape("bad%zz"));
    }
}
