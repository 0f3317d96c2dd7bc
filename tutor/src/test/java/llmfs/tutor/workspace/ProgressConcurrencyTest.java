package llmfs.tutor.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several tutor processes (separate JVMs) and several threads with their own {@link Progress} objects update one
 * progress file at the same time; every record each of them made must be there afterwards.
 *
 * <p>{@code -Dprogress.rounds=N} repeats the whole race N times (the default, 2, keeps the build fast).
 */
class ProgressConcurrencyTest {
    private static final int PROCESSES = 3;
    private static final int THREADS = 3;
    private static final int RECORDS = 15;

    @TempDir
    Path tmp;

    @Test
    void processesAndThreadsSharingOneFileLoseNoRecord() throws Exception {
        int rounds = Integer.getInteger("progress.rounds", 2);
        for (int round = 1; round <= rounds; round++) {
            Path file = tmp.resolve("round" + round).resolve("progress.txt");
            race(file);
            assertAllRecorded(file, "round " + round + " of " + rounds);
        }
    }

    private void race(Path file) throws Exception {
        // Each writer loads the file before the others write, as a long-lived tutor would.
        List<Process> processes = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int w = 1; w <= PROCESSES; w++) {
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"),
                    ProgressWriter.class.getName(), file.toString(), Integer.toString(w), Integer.toString(RECORDS));
            pb.redirectErrorStream(true);
            pb.redirectOutput(file.resolveSibling("writer" + w + ".log").toFile());
            Files.createDirectories(file.getParent());
            processes.add(pb.start());
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 1; t <= THREADS; t++) {
                int writer = PROCESSES + t;
                Progress own = Progress.load(file);
                futures.add(pool.submit(() -> ProgressWriter.write(own, writer, RECORDS)));
            }
            for (Future<?> f : futures) f.get(5, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        for (int w = 1; w <= PROCESSES; w++) {
            Process p = processes.get(w - 1);
            boolean done = p.waitFor(5, TimeUnit.MINUTES);
            if (!done) p.destroyForcibly();
            Path log = file.resolveSibling("writer" + w + ".log");
            assertTrue(done && p.exitValue() == 0, () -> "writer process failed: " + read(log));
        }
    }

    static void assertAllRecorded(Path file, String where) {
        Progress p = Progress.load(file);
        assertTrue(p.warnings().isEmpty(), () -> where + ": " + p.warnings());
        int writers = PROCESSES + THREADS;
        for (int w = 1; w <= writers; w++) {
            for (int i = 1; i <= RECORDS; i++) {
                String id = w + "." + i;
                assertEquals(1, p.state(id).hints(), () -> where + ": hint for " + id + " lost");
                String lab = "lab" + w + "_" + i;
                assertTrue(p.lab(lab).isPresent(), () -> where + ": " + lab + " lost");
            }
        }
        assertEquals(writers * RECORDS, p.state("99.1").attempts(), () -> where + ": attempts on 99.1 lost");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
