package llmfs.tutor.check;

import llmfs.tutor.TestCourse;
import llmfs.tutor.course.Course;
import llmfs.tutor.course.Exercise;
import llmfs.tutor.workspace.Progress;
import llmfs.tutor.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures save → verdict latency: write the learner's file, compile it, run its check in the check process,
 * record the attempt. Prints a table of medians.
 *
 * <pre>
 * mvn -q -pl tutor -am test-compile
 * mvn -q -pl tutor dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java --add-modules jdk.incubator.vector -cp tutor/target/test-classes:tutor/target/classes:$(cat /tmp/cp.txt) \
 *      llmfs.tutor.check.CheckLatencyBench
 * </pre>
 *
 * Rows: the very first check in a fresh JVM (nothing warm), the first check when the tutor warmed up in the
 * background while the learner was reading, a check that must start its check process on demand (as after a
 * time-out, if the learner saves again at once), and 20 warm checks — each for the check process with C1 only and
 * with the full tiered JIT.
 */
public final class CheckLatencyBench {
    private static final int WARM_RUNS = 20;

    private CheckLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        Course course = TestCourse.load();
        Exercise scale = course.exercise("1.2");
        String solution = Files.readString(scale.solution());
        Path root = Files.createTempDirectory("check-bench");
        Workspace workspace = new Workspace(root.resolve("ws"));
        workspace.ensureCreated(course);
        Progress progress = Progress.load(workspace.progressFile());

        System.out.printf(Locale.ROOT, "CPUs: %d, java %s%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        List<String[]> rows = new ArrayList<>();

        // 1. Cold: nothing loaded, nothing started.
        long t0 = System.nanoTime();
        CheckService cold = new CheckService(workspace, progress, new LearnerCompiler(), new CheckRunner());
        Verdict first = save(cold, workspace, scale, solution, 0);
        long coldMs = ms(t0);
        expectPass(first);
        cold.close();
        rows.add(new String[]{"first check, fresh JVM, no warm-up", "C1 only", fmt(coldMs), "1"});

        // 2. Compiling alone, once javac is warm.
        LearnerCompiler compiler = new LearnerCompiler();
        for (int i = 0; i < 10; i++) compiler.compile(scale.fileName(), solution + "// " + i);
        List<Long> compileTimes = new ArrayList<>();
        CompileResult compiled = null;
        for (int i = 0; i < WARM_RUNS; i++) {
            long s = System.nanoTime();
            compiled = compiler.compile(scale.fileName(), solution + "// warm " + i);
            compileTimes.add(ms(s));
        }
        rows.add(new String[]{"compile only, warm (median)", "-", fmt(median(compileTimes)), String.valueOf(WARM_RUNS)});

        // Alternate the JIT settings so neither profits from running later.
        for (int round = 0; round < 2; round++) {
            for (boolean c1 : new boolean[]{true, false}) {
                String jit = c1 ? "C1 only" : "tiered";
                CheckRunner.Options options = CheckRunner.Options.defaults().withC1Only(c1);

                // 3. Warmed in the background (as the tutor does at start-up), then the first save.
                CheckService service = new CheckService(workspace, progress, compiler, new CheckRunner(options));
                service.warmUp().join();
                Thread.sleep(1500); // the learner reads the exercise meanwhile; the check process gets ready
                t0 = System.nanoTime();
                expectPass(save(service, workspace, scale, solution, 1));
                rows.add(new String[]{"first check after background warm-up", jit, fmt(ms(t0)), "1"});

                // 4. Running alone: the same compiled classes, again and again.
                List<Long> runTimes = new ArrayList<>();
                CheckRequest request = new CheckRequest(scale.check(), scale.fileName(), compiled.classes(), 42L,
                        scale.timeoutMs());
                for (int i = 0; i < 5 + WARM_RUNS; i++) {
                    long s = System.nanoTime();
                    expectPass(service.runner().run(request));
                    if (i >= 5) runTimes.add(ms(s));
                }
                rows.add(new String[]{"run only, warm process (median)", jit, fmt(median(runTimes)), String.valueOf(WARM_RUNS)});

                // 5. Warm: repeated saves, the whole way.
                List<Long> warm = new ArrayList<>();
                for (int i = 0; i < 5 + WARM_RUNS; i++) {
                    long s = System.nanoTime();
                    expectPass(save(service, workspace, scale, solution, 2 + i));
                    if (i >= 5) warm.add(ms(s));
                }
                rows.add(new String[]{"warm save -> verdict (median)", jit, fmt(median(warm)), String.valueOf(WARM_RUNS)});
                rows.add(new String[]{"warm save -> verdict (max)", jit, fmt(Collections.max(warm)), String.valueOf(WARM_RUNS)});
                service.runner().close();

                // 6. No spare process: the check waits for a new one to start.
                List<Long> fresh = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    CheckService s = new CheckService(workspace, progress, compiler, new CheckRunner(options));
                    long st = System.nanoTime();
                    expectPass(save(s, workspace, scale, solution, 100 + i));
                    fresh.add(ms(st));
                    s.runner().close();
                }
                rows.add(new String[]{"check starting its process on demand (median)", jit, fmt(median(fresh)), "5"});
            }
        }
        compiler.close();

        System.out.printf(Locale.ROOT, "%-48s %-8s %10s %5s%n", "scenario", "JIT", "ms", "runs");
        for (String[] r : rows) System.out.printf(Locale.ROOT, "%-48s %-8s %10s %5s%n", (Object[]) r);
        System.out.printf(Locale.ROOT, "%nTarget: warm save -> verdict <= 1000 ms median.%n");
        Progress.load(workspace.progressFile()); // still readable after all that
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Writes the file as an editor would (a new comment each time so it really changes) and checks it. */
    private static Verdict save(CheckService service, Workspace ws, Exercise e, String text, int n) throws IOException {
        Files.writeString(ws.file(e), text + "// save " + n + "\n");
        return service.check(e);
    }

    private static void expectPass(Verdict v) {
        if (!v.passed()) throw new IllegalStateException("benchmark check did not pass: " + v);
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String fmt(long ms) {
        return String.valueOf(ms);
    }
}
