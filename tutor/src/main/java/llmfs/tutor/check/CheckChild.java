package llmfs.tutor.check;

import com.google.gson.JsonObject;

import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
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
 * <p>It first reads the channel key from stdin (the tutor closes its end after writing it), connects to the tutor's Unix domain socket and
 * from then on reads {@link Protocol} requests and answers over that {@link SealedChannel} only. Before any
 * learner code runs, System.out, System.err and System.in are replaced (prints go to a 4 KB buffer returned with
 * the verdict; reading input sees an empty stream), so nothing the learner prints reaches the tutor as anything
 * but output. Each check loads the learner's classes in a fresh class loader whose parent sees only the JDK and
 * the compute module ({@link LearnerParentLoader}), runs the named {@link ExerciseCheck} on its own thread and
 * waits at most the time limit, stopping early if the learner's code starts more than {@value #THREAD_CAP}
 * threads.
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
    private static SealedChannel channel;
    /** Where the tutor listens for this process's connection (a Unix domain socket). */
    static final String CHANNEL_PROPERTY = "llmfs.check.channel";
    /** Set by the tutor when this process runs in the OS sandbox, with a process namespace of its own. */
    static final String ISOLATED_PROPERTY = "llmfs.check.isolated";
    /** System property carrying the off-heap (direct buffer) limit in MB, so messages can name it. */
    static final String DIRECT_PROPERTY = "llmfs.check.directMb";
    /** The largest check request accepted (the learner's class files travel in it). */
    private static final int MAX_REQUEST_BYTES = 32 << 20;
    /** Threads the learner's code may add to the process during a check before it is stopped. */
    static final int THREAD_CAP = 64;
    /** Shared by all checks: it shows learner code the JDK and compute only. */
    private static final LearnerParentLoader LEARNER_PARENT = new LearnerParentLoader(CheckChild.class.getClassLoader());
    /** The running check's learner classes; null between checks. Read by the shutdown hook. */
    private static volatile Set<String> running;

    private final CappedOutput captured;
    private final int heapMb;
    private final int directMb;

    private CheckChild(CappedOutput captured, int heapMb, int directMb) {
        this.captured = captured;
        this.heapMb = heapMb;
        this.directMb = directMb;
    }

    /** Entry point of the check process; started by {@link CheckRunner}, not by people. */
    public static void main(String[] args) throws IOException {
        // The key comes first, on stdin, before any learner code exists in this process; the tutor closes its end
        // after writing it, and System.in is replaced below, so nothing more can be read there.
        byte[] key = readKey(new FileInputStream(FileDescriptor.in));
        String path = System.getProperty(CHANNEL_PROPERTY);
        if (key == null || path == null) {
            System.err.println("the check process must be started by the tutor (no channel key or path)");
            Runtime.getRuntime().halt(2);
            return;
        }
        SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX);
        socket.connect(UnixDomainSocketAddress.of(path));
        channel = new SealedChannel(socket, key, MAX_REQUEST_BYTES);
        java.util.Arrays.fill(key, (byte) 0);

        // Kept in a local only: start-up failures go to the real stderr (the tutor shows its tail), learner code
        // never sees it.
        PrintStream startupErr = System.err;
        CappedOutput captured = new CappedOutput(OUTPUT_CAPACITY);
        PrintStream learnerOut = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(learnerOut);
        System.setErr(learnerOut);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(CheckChild::reportExit, "exit-reporter"));

        CheckChild child = new CheckChild(captured, Integer.getInteger(HEAP_PROPERTY, 256),
                Integer.getInteger(DIRECT_PROPERTY, 32));
        try {
            child.warmUp();
        } catch (RuntimeException | Error e) {
            e.printStackTrace(startupErr);
            startupErr.flush();
            Runtime.getRuntime().halt(2);
        }
        send(Protocol.message(Protocol.READY));

        while (true) {
            JsonObject msg;
            try {
                msg = channel.receive();
            } catch (IOException e) {
                break; // the tutor went away or sent garbage: nothing sensible is left to do
            }
            if (msg == null) break;
            String type = Protocol.type(msg);
            if (Protocol.QUIT.equals(type)) break;
            if (!Protocol.CHECK.equals(type)) continue;
            JsonObject result = child.run(msg);
            send(result);
            if (Protocol.discard(result)) {
                // Learner threads may still be running (or memory is exhausted): stop everything at once.
                killDescendants();
                Runtime.getRuntime().halt(0);
            }
        }
        // Channel closed or quit: leave without waiting for stray threads and without the exit report.
        killDescendants();
        Runtime.getRuntime().halt(0);
    }

    /**
     * Ends every process this one started (none should exist: the compile-time check refuses process creation;
     * inside bubblewrap they would die with the sandbox anyway). Returns how many there were.
     */
    private static int killDescendants() {
        List<ProcessHandle> spawned = new ArrayList<>(ProcessHandle.current().descendants().toList());
        if (Boolean.getBoolean(ISOLATED_PROPERTY)) {
            // In the sandbox's own process namespace every process but this one and its ancestors (bubblewrap's)
            // came from here — including those that detached themselves (setsid, double fork).
            Set<Long> keep = new HashSet<>();
            for (ProcessHandle p = ProcessHandle.current(); p != null; p = p.parent().orElse(null)) keep.add(p.pid());
            ProcessHandle.allProcesses().filter(p -> !keep.contains(p.pid()) && !spawned.contains(p)).forEach(spawned::add);
        }
        spawned.forEach(ProcessHandle::destroyForcibly);
        return spawned.size();
    }

    /** The hex key line from the tutor, at most a few hundred bytes; null if there is none. */
    private static byte[] readKey(InputStream in) throws IOException {
        StringBuilder hex = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (hex.length() > 256) return null;
            hex.append((char) c);
        }
        try {
            return hex.length() == 0 ? null : java.util.HexFormat.of().parseHex(hex.toString().strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void send(JsonObject message) {
        synchronized (SEND_LOCK) {
            try {
                channel.send(message);
            } catch (IOException e) {
                // The tutor is gone; nobody is left to tell.
                Runtime.getRuntime().halt(3);
            }
        }
    }

    /** Loads the classes every check needs, so the first real check is not slowed by class loading. */
    private void warmUp() {
        CheckRequest sample = new CheckRequest(ExerciseCheck.class.getName(), "Warm.java", Map.of("Warm", new byte[8]),
                1L, 1000);
        Protocol.readCheckRequest(Protocol.decode(Protocol.encode(Protocol.checkRequest(sample, "warm"))));
        Protocol.result(Verdict.of(Verdict.Kind.PASS, "warm", ""), false, "warm", sample);
        SealedChannel.mac(new byte[32], new byte[1]);
        CheckClock warm = CheckClock.startNow();
        warm.sample(Thread.currentThread().getState());
        warm.usedNanos();
        TimeoutMessage.headline(1000, 60_000, warm);
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
        long wallMs;
        String requestId = Protocol.requestId(msg);
        try {
            request = Protocol.readCheckRequest(msg);
            wallMs = Protocol.wallMs(msg, request.timeoutMs());
        } catch (RuntimeException e) {
            Verdict v = Verdict.of(Verdict.Kind.INTERNAL,
                    "the tutor sent a malformed check request (a bug in the tutor, not in your code)", e.toString());
            JsonObject r = Protocol.result(v, false);
            r.addProperty("requestId", requestId);
            return r;
        }
        captured.reset();
        LearnerClassLoader loader = new LearnerClassLoader(request.classes(), LEARNER_PARENT);
        LearnerTrace trace = new LearnerTrace(loader.classNames());
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> outcome.set(runCheck(request, loader)), "check");
        worker.setDaemon(true);
        worker.setContextClassLoader(loader);

        running = loader.classNames();
        long start = System.nanoTime();
        int threadsBefore = Thread.activeCount();
        CheckClock clock = CheckClock.startNow();
        worker.start();
        boolean tooManyThreads = false;
        long limitNanos = request.timeoutMs() * 1_000_000L;
        long wallNanos = wallMs * 1_000_000L;
        try {
            // Joined in short steps so a burst of threads is noticed while it happens, not at the end, and the
            // time used is sampled often enough to stop an endless loop or sleep close to its limit.
            while (worker.isAlive() && clock.usedNanos() < limitNanos && clock.wallNanos() < wallNanos) {
                worker.join(10);
                clock.sample(worker.getState());
                if (Thread.activeCount() - threadsBefore > THREAD_CAP) {
                    tooManyThreads = true;
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        Outcome result;
        if (tooManyThreads) {
            result = new Outcome(Verdict.of(Verdict.Kind.FAIL, "your code started more than " + THREAD_CAP
                    + " threads, the limit for a check", "Exercises need no threads of their own; compute the "
                    + "result on the calling thread."), true);
        } else if (worker.isAlive()) {
            result = timeout(request, trace, worker, clock, wallMs);
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
        int spawned = killDescendants();
        if (spawned > 0) {
            result = new Outcome(result.verdict().withNote("Note: your code started " + spawned + (spawned == 1
                    ? " process" : " processes") + "; the tutor stopped " + (spawned == 1 ? "it" : "them")
                    + " and restarted the check process. Exercises must not start programs."), true);
            if (result.verdict().passed()) {
                result = new Outcome(Verdict.of(Verdict.Kind.FAIL, "your code started another program, which "
                        + "exercises must not do", result.verdict().details()), true);
            }
        }
        Verdict v = result.verdict();
        Verdict withOutput = new Verdict(v.kind(), v.headline(), v.details(), v.likelyBug(), v.maxError(),
                v.firstDiff(), captured.text(), millis, request.seed());
        return Protocol.result(withOutput, result.discard(), requestId, request);
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

    private Outcome timeout(CheckRequest request, LearnerTrace trace, Thread worker, CheckClock clock, long wallMs) {
        StackTraceElement at = trace.firstLearnerFrame(worker.getStackTrace());
        String details = at == null ? "" : "When it was stopped, your code was running "
                + LearnerTrace.frame(at) + ".";
        String input = CheckContext.currentInput();
        if (input != null) details = (details.isEmpty() ? "" : details + "\n") + "The call was " + input;
        return new Outcome(Verdict.of(Verdict.Kind.TIMEOUT, TimeoutMessage.headline(request.timeoutMs(), wallMs,
                clock), details), true);
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
        if (t instanceof OutOfMemoryError && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("direct buffer memory")) {
            StackTraceElement at = trace.firstLearnerFrame(t.getStackTrace());
            return new Outcome(Verdict.of(Verdict.Kind.OUT_OF_MEMORY, "your code allocated more than the " + directMb
                            + " MB of off-heap (direct) memory allowed" + (at == null ? "" : " (at " + LearnerTrace.frame(at) + ")"),
                    "Use ordinary arrays (or ByteBuffer.allocate) for an exercise's data."), true);
        }
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
