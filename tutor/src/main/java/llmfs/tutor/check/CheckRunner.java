package llmfs.tutor.check;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import llmfs.compute.kernel.Parallel;
import llmfs.tutor.ProjectHome;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs checks in a separate JVM ({@link CheckChild}) so that nothing the learner's code does — endless loops,
 * {@code System.exit}, exhausting memory — can hurt the tutor.
 *
 * <p>One check process is kept warm: it is started in the background ahead of need and reused for check after
 * check. When a check leaves it in a doubtful state (time-out, exit, out of memory, stray threads, a crash) it is
 * thrown away and a fresh one is started at once in the background. Checks run one at a time.
 *
 * <p>An exercise's time limit is on the CPU time the check uses (plus time it spends asleep or waiting; see
 * {@link CheckClock}), not on wall-clock time, so a busy machine does not turn correct code into a time-out. The
 * check process enforces it and says which limit fired. The tutor keeps two backstops for a process that stopped
 * responding: the process's CPU time (read from the operating system) past the limit plus
 * {@link Options#graceMs()}, and a much longer wall-clock limit ({@link Options#wallMs(long)}).
 */
public final class CheckRunner implements AutoCloseable {

    /**
     * How check processes are started.
     *
     * @param javaCommand    the {@code java} executable
     * @param classpath      class path of the check process (the tutor's own, so checks and compute are there)
     * @param heapMb         the check process's heap limit ({@code -Xmx})
     * @param c1Only         {@code -XX:TieredStopAtLevel=1}: only the quick JIT; starts and warms up faster
     * @param jvmFlags       further JVM flags (the project's, e.g. {@code --add-modules jdk.incubator.vector})
     * @param startTimeoutMs how long a new process may take to report ready
     * @param graceMs        extra CPU time over the exercise's limit before the tutor gives up on a silent process
     * @param osIsolation    run the process inside bubblewrap where the machine has it ({@link OsIsolation})
     * @param minWallMs      the shortest wall-clock backstop of a check ({@link #wallMs(long)})
     */
    public record Options(String javaCommand, String classpath, int heapMb, boolean c1Only, List<String> jvmFlags,
                          long startTimeoutMs, long graceMs, boolean osIsolation, long minWallMs) {
        /** Off-heap (direct buffer) memory a check process may allocate, in MB. */
        public static final int DIRECT_MB = 32;
        /** The largest file a check process may write (RLIMIT_FSIZE), in MB: only crash logs are expected. */
        public static final int FILE_MB = 16;
        /**
         * The shortest wall-clock backstop: long enough that a check which gets a small share of a busy machine
         * still finishes on its CPU-time limit.
         */
        public static final long MIN_WALL_MS = 60_000;
        /** The wall-clock backstop is at least this many times the CPU-time limit. */
        public static final int WALL_PER_CPU = 10;

        public Options {
            jvmFlags = List.copyOf(jvmFlags);
            if (heapMb < 16) throw new IllegalArgumentException("heapMb must be at least 16, got " + heapMb);
            if (minWallMs <= 0) throw new IllegalArgumentException("minWallMs must be positive, got " + minWallMs);
        }

        /** Options with the default wall-clock backstop. */
        public Options(String javaCommand, String classpath, int heapMb, boolean c1Only, List<String> jvmFlags,
                       long startTimeoutMs, long graceMs, boolean osIsolation) {
            this(javaCommand, classpath, heapMb, c1Only, jvmFlags, startTimeoutMs, graceMs, osIsolation, MIN_WALL_MS);
        }

        /** Options with OS isolation where available. */
        public Options(String javaCommand, String classpath, int heapMb, boolean c1Only, List<String> jvmFlags,
                       long startTimeoutMs, long graceMs) {
            this(javaCommand, classpath, heapMb, c1Only, jvmFlags, startTimeoutMs, graceMs, true);
        }

        /** The wall-clock backstop of a check whose CPU-time limit is {@code cpuMs}. */
        public long wallMs(long cpuMs) {
            return Math.max(minWallMs, WALL_PER_CPU * cpuMs);
        }

        /** {@link #wallMs(long)} with the default {@link #MIN_WALL_MS}. */
        static long defaultWallMs(long cpuMs) {
            return Math.max(MIN_WALL_MS, WALL_PER_CPU * cpuMs);
        }

        /**
         * The java running the tutor, the tutor's class path, 256 MB, C1 only, and the flags from the system
         * property {@code llmfs.check.jvmFlags} (space separated) or else {@code --add-modules jdk.incubator.vector},
         * plus {@link #homeFlag()}.
         */
        public static Options defaults() {
            String exe = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "java.exe" : "java";
            String flags = System.getProperty("llmfs.check.jvmFlags", "--add-modules jdk.incubator.vector");
            List<String> jvmFlags = new ArrayList<>();
            if (!flags.isBlank()) jvmFlags.addAll(Arrays.asList(flags.trim().split("\\s+")));
            homeFlag().ifPresent(jvmFlags::add);
            return new Options(Path.of(System.getProperty("java.home"), "bin", exe).toString(),
                    absolute(System.getProperty("java.class.path")), 256, true, jvmFlags, 30_000, 2_000);
        }

        /**
         * {@code -Dllmfs.home=<project folder>} when the project can be found from here. The check process starts
         * in a temporary folder, so without it checks that read {@code corpora/} could not find the files.
         */
        static Optional<String> homeFlag() {
            try {
                return Optional.of("-D" + ProjectHome.PROPERTY + "=" + ProjectHome.locate().root());
            } catch (IllegalStateException e) {
                return Optional.empty(); // no project around (e.g. a bare test setup): checks that need it say so
            }
        }

        /** The check process runs in its own directory, so relative class path entries must be made absolute. */
        static String absolute(String classpath) {
            StringBuilder sb = new StringBuilder();
            for (String entry : classpath.split(File.pathSeparator)) {
                if (entry.isEmpty()) continue;
                if (sb.length() > 0) sb.append(File.pathSeparatorChar);
                sb.append(Path.of(entry).toAbsolutePath());
            }
            return sb.toString();
        }

        public Options withHeapMb(int mb) {
            return new Options(javaCommand, classpath, mb, c1Only, jvmFlags, startTimeoutMs, graceMs, osIsolation, minWallMs);
        }

        public Options withC1Only(boolean on) {
            return new Options(javaCommand, classpath, heapMb, on, jvmFlags, startTimeoutMs, graceMs, osIsolation, minWallMs);
        }

        public Options withClasspath(String cp) {
            return new Options(javaCommand, cp, heapMb, c1Only, jvmFlags, startTimeoutMs, graceMs, osIsolation, minWallMs);
        }

        public Options withGraceMs(long ms) {
            return new Options(javaCommand, classpath, heapMb, c1Only, jvmFlags, startTimeoutMs, ms, osIsolation, minWallMs);
        }

        public Options withOsIsolation(boolean on) {
            return new Options(javaCommand, classpath, heapMb, c1Only, jvmFlags, startTimeoutMs, graceMs, on, minWallMs);
        }

        /** The same options with another shortest wall-clock backstop. */
        public Options withMinWallMs(long ms) {
            return new Options(javaCommand, classpath, heapMb, c1Only, jvmFlags, startTimeoutMs, graceMs, osIsolation, ms);
        }

        /**
         * The full command line of a check process with its private paths: the JVM limits, the channel, and the
         * OS sandbox around it when it is on and available.
         */
        List<String> command(Path scratch, Path socket) {
            List<String> java = new ArrayList<>(command());
            int main = java.size() - 1; // the main class stays last
            java.addAll(main, List.of("-D" + CheckChild.CHANNEL_PROPERTY + "=" + socket,
                    "-Djava.io.tmpdir=" + scratch, "-XX:ErrorFile=" + scratch.resolve("hs_err_%p.log")));
            if (Files.isExecutable(PRLIMIT)) {
                // No core dumps, and no file larger than FILE_MB (the process may only write crash logs).
                List<String> limited = new ArrayList<>(List.of(PRLIMIT.toString(), "--core=0",
                        "--fsize=" + ((long) FILE_MB << 20), "--"));
                limited.addAll(java);
                java = limited;
            }
            if (!osIsolation || !OsIsolation.detect().active()) return java;
            java.add(java.size() - 1, "-D" + CheckChild.ISOLATED_PROPERTY + "=true");
            List<Path> readOnly = new ArrayList<>();
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!entry.isEmpty()) readOnly.add(Path.of(entry));
            }
            for (String flag : jvmFlags) {
                if (flag.startsWith("-D" + ProjectHome.PROPERTY + "=")) {
                    // The checks read the course's data; the learner's workspace and the solutions stay out.
                    Path home = Path.of(flag.substring(flag.indexOf('=') + 1));
                    readOnly.add(home.resolve("corpora"));
                    readOnly.add(home.resolve("exercises").resolve("course.json"));
                }
            }
            return OsIsolation.detect().wrap(java, Path.of(javaCommand), scratch, socket, readOnly);
        }

        /** The {@code java} command line of a check process, without its private paths or sandbox. */
        public List<String> command() {
            List<String> cmd = new ArrayList<>();
            cmd.add(javaCommand);
            cmd.add("-Xmx" + heapMb + "m");
            cmd.add("-Xss1m");
            cmd.add("-XX:MaxDirectMemorySize=" + DIRECT_MB + "m");
            cmd.add("-XX:MaxMetaspaceSize=256m");
            cmd.add("-XX:+DisableAttachMechanism");
            cmd.add("-XX:+UseSerialGC");
            if (c1Only) cmd.add("-XX:TieredStopAtLevel=1");
            cmd.add("-Xshare:auto");
            cmd.add("-XX:-UsePerfData");
            cmd.add("-Djava.awt.headless=true");
            cmd.add("-Dfile.encoding=UTF-8");
            cmd.add("-D" + CheckChild.HEAP_PROPERTY + "=" + heapMb);
            cmd.add("-D" + CheckChild.DIRECT_PROPERTY + "=" + DIRECT_MB);
            // Checks use small tensors: the CPU backend is fastest and never probes for GPUs in every check process.
            cmd.add("-Dllmfs.device=java");
            // One compute thread: a check's CPU-time limit then means the same on every machine, and a class server
            // that runs one check per core is not oversubscribed.
            cmd.add("-D" + Parallel.THREADS_PROPERTY + "=1");
            cmd.addAll(jvmFlags);
            cmd.add("-cp");
            cmd.add(classpath);
            cmd.add(CheckChild.class.getName());
            return cmd;
        }
    }

    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    /** How often the tutor reads a silent check process's CPU time. */
    private static final long CPU_POLL_MS = 250;
    /**
     * How long to wait for the exit status of a process whose channel has closed. It is on its way out, so this
     * returns at once unless the machine is very busy; generous, so the status is not lost then.
     */
    private static final long EXIT_WAIT_MS = 15_000;

    private static final SecureRandom IDS = new SecureRandom();

    private final Options options;
    private final ExecutorService starter;
    private final Set<ChildProcess> live = ConcurrentHashMap.newKeySet();
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    private final AtomicInteger started = new AtomicInteger();
    private final Thread cleanup;
    private Future<ChildProcess> spare;
    private String lastDiagnostics = "";
    private volatile boolean closed;

    /** A runner with {@link Options#defaults()}. */
    public CheckRunner() {
        this(Options.defaults());
    }

    public CheckRunner(Options options) {
        this.options = options;
        this.starter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "check-process-starter");
            t.setDaemon(true);
            return t;
        });
        // If the tutor is closed abruptly (Ctrl-C), take the check processes with it.
        this.cleanup = new Thread(() -> live.forEach(ChildProcess::killAndClean), "check-process-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** The options processes are started with. */
    public Options options() {
        return options;
    }

    /** Starts a check process in the background if none is ready or starting, so the next check is fast. */
    public synchronized void warmUp() {
        if (closed) throw new IllegalStateException("this CheckRunner is closed");
        if (spare == null) prestart();
    }

    /** The private folders of every process this runner started (all gone once it is closed). */
    Set<Path> foldersCreated() {
        return Set.copyOf(folders);
    }

    /** How many check processes this runner has started so far (a restart shows as an increase). */
    public int processesStarted() {
        return started.get();
    }

    /**
     * Runs one check and returns its verdict (never throws for anything the learner's code does).
     * {@link Verdict#millis()} is the time spent in this call.
     */
    public synchronized Verdict run(CheckRequest request) {
        if (closed) throw new IllegalStateException("this CheckRunner is closed");
        long t0 = System.nanoTime();
        Verdict v;
        try {
            v = runOnChild(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            v = Verdict.of(Verdict.Kind.INTERNAL, "the check was interrupted", "");
        }
        return v.withSeed(request.seed()).withMillis((System.nanoTime() - t0) / 1_000_000);
    }

    private Verdict runOnChild(CheckRequest request) throws InterruptedException {
        if (options.osIsolation() && OsIsolation.detect().required() && !OsIsolation.detect().active()) {
            return Verdict.of(Verdict.Kind.INTERNAL, "checks must run in an OS sandbox (" + OsIsolation.ENV
                    + "=required), but it is " + OsIsolation.detect().description(), "");
        }
        ChildProcess child;
        try {
            child = takeReadyChild();
        } catch (IOException e) {
            return Verdict.of(Verdict.Kind.INTERNAL, "could not start the check process (a problem with the tutor's "
                    + "Java setup, not with your code): " + e.getMessage(), "Command: " + String.join(" ", options.command()));
        }
        if (child == null) {
            return Verdict.of(Verdict.Kind.INTERNAL, "the check process did not start (a problem with the tutor's Java "
                    + "setup, not with your code)", lastDiagnostics);
        }
        String requestId = Long.toHexString(IDS.nextLong()) + Long.toHexString(IDS.nextLong());
        long wallMs = options.wallMs(request.timeoutMs());
        long cpuStart = child.cpuNanos();
        try {
            child.send(Protocol.checkRequest(request, requestId, wallMs));
        } catch (IOException e) {
            // It died after saying ready; the reader will report the end below.
        }
        long t0 = System.nanoTime();
        long deadline = t0 + (wallMs + options.graceMs()) * 1_000_000L;
        long cpuBackstop = (request.timeoutMs() + options.graceMs()) * 1_000_000L;
        JsonObject exit = null;
        while (true) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            // Woken now and then to read the process's CPU time: the backstop for a process that computes on
            // without ever answering.
            JsonObject m = leftMs > 0 ? child.next(Math.min(leftMs, CPU_POLL_MS)) : null;
            if (m == null) {
                long cpu = cpuStart < 0 ? -1 : child.cpuNanos() - cpuStart;
                if (leftMs > 0 && (cpu < 0 || cpu <= cpuBackstop)) continue;
                discard(child);
                String headline = leftMs > 0 ? TimeoutMessage.cpu(request.timeoutMs())
                        : TimeoutMessage.silent((System.nanoTime() - t0) / 1_000_000, cpu);
                return Verdict.of(Verdict.Kind.TIMEOUT, headline, "");
            }
            if (m == ChildProcess.END) {
                int status = child.waitForExit(EXIT_WAIT_MS);
                String diagnostics = child.diagnostics();
                discard(child);
                return ended(exit, status, diagnostics);
            }
            String type = Protocol.type(m);
            if (ChildProcess.TAMPERED.equals(type)) {
                discard(child);
                return notIntact(text(m, "why", "a damaged message"));
            }
            if (Protocol.EXIT.equals(type)) {
                exit = m;
            } else if (Protocol.RESULT.equals(type)) {
                if (!Protocol.answers(m, requestId, request)) {
                    discard(child);
                    return notIntact("a result for another request");
                }
                if (exit != null) {
                    // The exit got stuck (e.g. in the learner's own shutdown hook) and the check timed out: the
                    // exit is the real story.
                    discard(child);
                    return ended(exit, -1, "");
                }
                Verdict v = Protocol.readResult(m);
                if (Protocol.discard(m)) {
                    discard(child);
                } else {
                    spare = CompletableFuture.completedFuture(child);
                }
                return v;
            }
        }
    }

    /** The verdict when the check process's reply did not come back intact: never a pass. */
    private static Verdict notIntact(String what) {
        return Verdict.of(Verdict.Kind.INTERNAL, "the check process sent " + what + " instead of a verdict, so this "
                + "check counts as failed (the tutor restarted the check process; try again)", "");
    }

    /** The warm child, or a new one; null if it could not get ready. */
    private ChildProcess takeReadyChild() throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (spare == null) prestart();
            Future<ChildProcess> f = spare;
            spare = null;
            ChildProcess child;
            try {
                child = f.get();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException io) throw io;
                throw new IOException(String.valueOf(c), c);
            }
            if (child.awaitReady(options.startTimeoutMs()) && child.isAlive()) {
                return child;
            }
            child.kill();
            child.waitForExit(1_000);
            lastDiagnostics = child.diagnostics();
            discard(child);
        }
        return null;
    }

    private void prestart() {
        spare = starter.submit(() -> {
            ChildProcess c = ChildProcess.start(options::command, options.startTimeoutMs());
            folders.add(c.folder());
            started.incrementAndGet();
            live.add(c);
            if (closed) {
                live.remove(c);
                c.killAndClean();
            }
            return c;
        });
    }

    /** Kills {@code child} and starts its replacement in the background. */
    private void discard(ChildProcess child) {
        child.kill();
        child.forget();
        live.remove(child);
        if (!closed) prestart();
    }

    /** The verdict when the check process ended before answering. */
    private Verdict ended(JsonObject exit, int status, String diagnostics) {
        String statusText = status >= 0 ? String.valueOf(status) : "unknown";
        if (exit != null) {
            String call = text(exit, "call", "System.exit");
            String frame = text(exit, "frame", null);
            return Verdict.of(Verdict.Kind.EXIT, "your code called " + call + "(" + (status >= 0 ? statusText : "…") + ")"
                            + (frame == null ? "" : " at " + frame) + ", which ends the whole program",
                    "An exercise method must return its result (or throw an exception); it must never end the "
                            + "program. Remove the " + call + " call.");
        }
        if (diagnostics.contains("A fatal error has been detected")) {
            return Verdict.of(Verdict.Kind.INTERNAL, "the check process crashed (exit status " + statusText
                    + ") — a problem in the Java runtime or the tutor, not in your code", diagnostics);
        }
        if (diagnostics.contains("OutOfMemoryError")) {
            return Verdict.of(Verdict.Kind.OUT_OF_MEMORY, "your code allocated more than the " + options.heapMb()
                    + " MB limit and the check process ran out of memory", diagnostics);
        }
        return Verdict.of(Verdict.Kind.EXIT, "the check process stopped without a verdict (exit status " + statusText
                        + ") — did your code call Runtime.getRuntime().halt(...)?",
                "An exercise method must return its result; it must never stop the program."
                        + (diagnostics.isEmpty() ? "" : "\nThe check process said:\n" + diagnostics));
    }

    private static String text(JsonObject o, String key, String fallback) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }

    /** Stops every check process this runner started. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (spare != null) {
            spare.cancel(false);
            if (spare.isDone() && !spare.isCancelled()) {
                try {
                    spare.get().stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException ignored) {
                    // never started
                }
            }
            spare = null;
        }
        starter.shutdownNow();
        live.forEach(ChildProcess::killAndClean);
        live.clear();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
    }
}
