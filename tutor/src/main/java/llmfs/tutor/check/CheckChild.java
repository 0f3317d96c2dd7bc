package llmfs.tutor.check;

import com.google.gson.JsonObject;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The check process: a separate JVM that runs learner code on the tutor's behalf.
 *
 * <p>It reads {@link Protocol} requests on stdin and answers on stdout. Before any learner code runs, System.out,
 * System.err and System.in are replaced (prints go to a 4 KB buffer returned with the verdict; reading input sees
 * an empty stream), so nothing the learner does can garble the protocol. Each check loads the learner's classes in
 * a fresh class loader, runs the named {@link ExerciseCheck} on its own thread and waits at most the time limit.
 *
 * <p>When the process is no longer trustworthy — the learner's code timed out, ran out of memory, overflowed the
 * stack or left threads running — the result says "discard" and the process halts itself; the tutor starts a
 * fresh one. A {@code System.exit} in learner code is reported by a shutdown hook, with the calling frame.
 */
public final class CheckChild {
    /** System property carrying the heap limit in MB, so messages can name it. */
    static final String HEAP_PROPERTY = "llmfs.check.heapMb";
    private static final int OUTPUT_CAPACITY = 4096;
    private static final long LEFTOVER_GRACE_MS = 200;

    private static final Object SEND_LOCK = new Object();
    private static PrintStream protocol;
    /** The running check's learner classes; null between checks. Read by the shutdown hook. */
    private static volatile Set<String> running;

    private final CappedOutput captured;
    private final int heapMb;

    private CheckChild(CappedOutput captured, int heapMb) {
        this.captured = captured;
        this.heapMb = heapMb;
    }

    /** Entry point of the check process; started by {@link CheckRunner}, not by people. */
    public static void main(String[] args) throws IOException {
        protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(
                new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8));
        CappedOutput captured = new CappedOutput(OUTPUT_CAPACITY);
        PrintStream learnerOut = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(learnerOut);
        System.setErr(learnerOut);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(CheckChild::reportExit, "exit-reporter"));

        CheckChild child = new CheckChild(captured, Integer.getInteger(HEAP_PROPERTY, 256));
        child.warmUp();
        send(Protocol.message(Protocol.READY));

        String line;
        while ((line = in.readLine()) != null) {
            JsonObject msg = Protocol.decode(line);
            if (msg == null) continue;
            String type = Protocol.type(msg);
            if (Protocol.QUIT.equals(type)) break;
            if (!Protocol.CHECK.equals(type)) continue;
            JsonObject result = child.run(msg);
            send(result);
            if (Protocol.discard(result)) {
                // Learner threads may still be running (or memory is exhausted): stop everything at once.
                Runtime.getRuntime().halt(0);
            }
        }
        // Stdin closed or quit: leave without waiting for stray threads and without the exit report.
        Runtime.getRuntime().halt(0);
    }

    private static void send(JsonObject message) {
        synchronized (SEND_LOCK) {
            protocol.print(Protocol.encode(message));
            protocol.print('\n');
            protocol.flush();
        }
    }

    /** Loads the classes every check needs, so the first real check is not slowed by class loading. */
    private void warmUp() {
        CheckRequest sample = new CheckRequest(ExerciseCheck.class.getName(), "Warm.java", Map.of("Warm", new byte[8]),
                1L, 1000);
        Protocol.readCheckRequest(Protocol.decode(Protocol.encode(Protocol.checkRequest(sample))));
        Protocol.result(Verdict.of(Verdict.Kind.PASS, "warm", ""), false);
        new LearnerTrace(Set.of("Warm")).details(new IllegalStateException("warm"));
        Compare.floats(new float[]{1f}, new float[]{1f}, 1e-6, 1e-6).firstDiff();
        CheckReport.pass("warm");
        new CheckContext(1L, "Warm.java", getClass().getClassLoader(), Set.of()).rng().nextLong();
        Thread t = new Thread(() -> { }, "warm");
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonObject run(JsonObject msg) {
        CheckRequest request;
        try {
            request = Protocol.readCheckRequest(msg);
        } catch (RuntimeException e) {
            Verdict v = Verdict.of(Verdict.Kind.INTERNAL,
                    "the tutor sent a malformed check request (a bug in the tutor, not in your code)", e.toString());
            return Protocol.result(v, false);
        }
        captured.reset();
        LearnerClassLoader loader = new LearnerClassLoader(request.classes(), CheckChild.class.getClassLoader());
        LearnerTrace trace = new LearnerTrace(loader.classNames());
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> outcome.set(runCheck(request, loader)), "check");
        worker.setDaemon(true);
        worker.setContextClassLoader(loader);

        running = loader.classNames();
        long start = System.nanoTime();
        worker.start();
        try {
            worker.join(request.timeoutMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        Outcome result;
        if (worker.isAlive()) {
            result = timeout(request, trace, worker);
        } else {
            result = classify(outcome.get(), trace);
            List<Thread> leftovers = leftoverThreads(before, worker, trace);
            if (!leftovers.isEmpty()) {
                List<String> names = new ArrayList<>();
                leftovers.forEach(t -> names.add(t.getName()));
                result = new Outcome(result.verdict().withNote("Note: your code left " + leftovers.size()
                        + (leftovers.size() == 1 ? " thread" : " threads") + " running after it returned ("
                        + String.join(", ", names) + "). The tutor restarted the check process to stop "
                        + (leftovers.size() == 1 ? "it" : "them") + "; make sure every thread you start ends."), true);
            }
        }
        running = null;
        Verdict v = result.verdict();
        Verdict withOutput = new Verdict(v.kind(), v.headline(), v.details(), v.likelyBug(), v.maxError(),
                v.firstDiff(), captured.text(), millis, request.seed());
        return Protocol.result(withOutput, result.discard());
    }

    /** Runs on the worker thread: returns the check's report, or what was thrown. */
    private static Object runCheck(CheckRequest request, LearnerClassLoader loader) {
        ExerciseCheck check;
        try {
            Class<?> c = Class.forName(request.checkClass(), true, CheckChild.class.getClassLoader());
            check = (ExerciseCheck) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return new SetupProblem("the course names the check " + request.checkClass()
                    + ", which cannot be used: " + e, e);
        }
        try {
            CheckReport report = check.run(new CheckContext(request.seed(), request.sourceFile(), loader,
                    loader.classNames()));
            return report == null ? new SetupProblem("the check " + request.checkClass() + " returned no report", null)
                    : report;
        } catch (Throwable t) {
            return t;
        }
    }

    private Outcome timeout(CheckRequest request, LearnerTrace trace, Thread worker) {
        String seconds = String.format(Locale.ROOT, "%.1f", request.timeoutMs() / 1000.0);
        StackTraceElement at = trace.firstLearnerFrame(worker.getStackTrace());
        String details = at == null ? "" : "When it was stopped, your code was running "
                + LearnerTrace.frame(at) + ".";
        String input = CheckContext.currentInput();
        if (input != null) details = (details.isEmpty() ? "" : details + "\n") + "The call was " + input;
        return new Outcome(Verdict.of(Verdict.Kind.TIMEOUT, "ran longer than " + seconds
                + " s — look for a loop whose condition never becomes false", details), true);
    }

    /** Turns what the worker produced into a verdict. */
    private Outcome classify(Object outcome, LearnerTrace trace) {
        if (outcome instanceof CheckReport r) {
            Verdict.Kind kind = r.passed() ? Verdict.Kind.PASS : Verdict.Kind.FAIL;
            return new Outcome(new Verdict(kind, r.headline(), r.details(), r.likelyBug(), r.maxError(),
                    r.firstDiff(), "", 0, 0), false);
        }
        if (outcome instanceof SetupProblem p) {
            return new Outcome(Verdict.of(Verdict.Kind.INTERNAL, p.getMessage()
                    + " (a bug in the course, not in your code)", stackTrace(p.getCause() == null ? p : p.getCause())),
                    false);
        }
        if (outcome instanceof CheckFailure f) {
            return classify(f.report(), trace);
        }
        if (!(outcome instanceof Throwable thrown)) {
            return new Outcome(Verdict.of(Verdict.Kind.INTERNAL, "the check finished without a result (a bug in the "
                    + "tutor, not in your code)", ""), true);
        }
        boolean fromLearner = thrown instanceof LearnerException;
        Throwable t = fromLearner ? thrown.getCause() : thrown;
        if (t instanceof OutOfMemoryError) {
            StackTraceElement at = trace.firstLearnerFrame(t.getStackTrace());
            return new Outcome(Verdict.of(Verdict.Kind.OUT_OF_MEMORY, "your code allocated more than the " + heapMb
                            + " MB limit" + (at == null ? "" : " (at " + LearnerTrace.frame(at) + ")"),
                    "Look for a list, array or string that keeps growing — often in a loop that never stops."), true);
        }
        if (t instanceof StackOverflowError) {
            StackTraceElement at = trace.firstLearnerFrame(t.getStackTrace());
            String where = at == null ? "" : " at " + LearnerTrace.fileAndLine(at);
            String details = at == null ? "A method kept calling itself (directly or through others) without end."
                    : at.getMethodName() + " keeps calling itself without reaching a case that returns without "
                    + "calling again (" + LearnerTrace.frame(at) + ").";
            return new Outcome(Verdict.of(Verdict.Kind.STACK_OVERFLOW,
                    "infinite recursion? the call stack overflowed" + where, details), true);
        }
        if (isTodo(t)) {
            String what = t.getMessage().substring(4).replaceFirst("^[\\s:.\\-—]+", "");
            return new Outcome(Verdict.of(Verdict.Kind.FAIL, "not implemented yet: "
                    + (what.isEmpty() ? t.getMessage() : what), "Replace the line that throws this exception with your code."
                    ), false);
        }
        if (fromLearner || trace.involvesLearner(t)) {
            String input = fromLearner ? ((LearnerException) thrown).input() : null;
            return new Outcome(Verdict.of(Verdict.Kind.EXCEPTION, trace.headline(t), trace.details(t)
                    + (input == null ? "" : "\nThe call was " + input)), false);
        }
        return new Outcome(Verdict.of(Verdict.Kind.INTERNAL, "the check itself failed — a bug in the tutor, not in "
                + "your code: " + LearnerTrace.describe(t), stackTrace(t)), false);
    }

    /** The template convention: {@code throw new IllegalStateException("TODO: ...")} means "not written yet". */
    private static boolean isTodo(Throwable t) {
        return (t instanceof IllegalStateException || t instanceof UnsupportedOperationException)
                && t.getMessage() != null && t.getMessage().startsWith("TODO");
    }

    /**
     * Threads started during the check that are still alive and either keep the JVM alive (non-daemon) or are
     * still running learner code. Idle pool threads of the JDK or the compute module do not count.
     */
    private static List<Thread> leftoverThreads(Set<Thread> before, Thread worker, LearnerTrace trace) {
        long deadline = System.currentTimeMillis() + LEFTOVER_GRACE_MS;
        List<Thread> suspects = suspects(before, worker, trace);
        for (Thread t : suspects) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) break;
            try {
                t.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return suspects.isEmpty() ? suspects : suspects(before, worker, trace);
    }

    private static List<Thread> suspects(Set<Thread> before, Thread worker, LearnerTrace trace) {
        List<Thread> out = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            if (t == worker || before.contains(t) || !t.isAlive()) continue;
            if (!t.isDaemon() || trace.firstLearnerFrame(e.getValue()) != null) out.add(t);
        }
        return out;
    }

    /** Shutdown hook: if learner code called System.exit during a check, tell the tutor where. */
    private static void reportExit() {
        Set<String> learner = running;
        if (learner == null) return;
        LearnerTrace trace = new LearnerTrace(learner);
        String frame = null;
        String how = "System.exit";
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            for (int i = 0; i < stack.length; i++) {
                StackTraceElement e = stack[i];
                boolean exitCall = (e.getClassName().equals("java.lang.Runtime") && e.getMethodName().equals("exit"))
                        || (e.getClassName().equals("java.lang.Shutdown") && e.getMethodName().equals("exit"));
                if (!exitCall) continue;
                for (int j = i + 1; j < stack.length; j++) {
                    if (stack[j].getClassName().equals("java.lang.Runtime") && stack[j].getMethodName().equals("exit")) {
                        how = "Runtime.getRuntime().exit";
                    }
                    if (stack[j].getClassName().equals("java.lang.System") && stack[j].getMethodName().equals("exit")) {
                        how = "System.exit";
                    }
                    if (trace.isLearner(stack[j])) {
                        frame = LearnerTrace.frame(stack[j]);
                        break;
                    }
                }
                break;
            }
            if (frame != null) break;
        }
        JsonObject m = Protocol.message(Protocol.EXIT);
        if (frame != null) m.addProperty("frame", frame);
        m.addProperty("call", how);
        send(m);
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String[] lines = w.toString().split("\\R");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, 30); i++) {
            if (i > 0) sb.append('\n');
            sb.append(lines[i]);
        }
        return sb.toString();
    }

    /** A verdict and whether this process must be replaced afterwards. */
    private record Outcome(Verdict verdict, boolean discard) {
    }

    /** The check could not be set up (missing or broken check class). */
    private static final class SetupProblem extends Exception {
        SetupProblem(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
