package llmfs.tui.serve;

import llmfs.tutor.ProjectHome;
import llmfs.tutor.classroom.ClassFolder;
import llmfs.tutor.classroom.FairUse;
import llmfs.tutor.course.Course;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.PtyChannelConfiguration;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A class under load: a local {@link ClassServer} and N learners connected over SSH (Apache MINA's client, with a
 * pty) who log in at about the same time, each check exercise 1.1 — half with the reference solution, half with a
 * known mistake, so every verdict has a known right answer — and then keep pressing keys on the part screen.
 * Keystroke-to-screen latency is the time from writing a key to the channel until the first bytes of the redraw it
 * causes come back. Runs in one JVM with the server, so the clients' own work counts against the server's cores.
 */
public final class ServeBench {
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;?]*[ -/]*[@-~]");
    private static final String SOLUTION = "solutions/part1/Vocabulary.java";
    private static final String MISTAKE = "wrong/part1/Vocabulary.no-dot.java";

    /** What one learner saw. */
    /**
     * @param latencies  (time the key was sent, ns since the run's start; latency in ns) per key
     * @param verdictAt  when the verdict was recorded, ns since the run's start (-1: never)
     */
    public record LearnerResult(String name, boolean expectPass, String verdict, long checkMillis, List<long[]> latencies,
                                long verdictAt, String problem) {
        boolean verdictRight() {
            return problem == null && verdict.equals(expectPass ? "passed" : "failed");
        }
    }

    /** The whole run. */
    public record Result(int sessions, double seconds, List<LearnerResult> learners, FairUse.Limits limits) {
        /** Every latency (ns), sorted; {@code duringChecks}: only keys sent before (true) or after (false) the last
         * verdict came in, or all (null). */
        public List<Long> latencies(Boolean duringChecks) {
            long last = learners.stream().mapToLong(LearnerResult::verdictAt).max().orElse(-1);
            List<Long> all = new ArrayList<>();
            for (LearnerResult l : learners) {
                for (long[] x : l.latencies()) {
                    if (duringChecks == null || duringChecks == (x[0] <= last)) all.add(x[1]);
                }
            }
            Collections.sort(all);
            return all;
        }

        public long verdictsRight() {
            return learners.stream().filter(LearnerResult::verdictRight).count();
        }

        public boolean allRight() {
            return verdictsRight() == learners.size();
        }
    }

    private final Path classDir;
    private final int sessions;
    private final long millis;
    private final PrintWriter out;

    public ServeBench(Path classDir, int sessions, long millis, PrintWriter out) {
        this.classDir = classDir;
        this.sessions = sessions;
        this.millis = millis;
        this.out = out;
    }

    public Result run() throws Exception {
        ProjectHome home = ProjectHome.locate();
        Course course = Course.load(home.exercises());
        ClassFolder folder = new ClassFolder(classDir);
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        List<KeyPair> keys = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            ClassFolder.Member m = folder.add(name(i), ClassFolder.Role.LEARNER);
            KeyPair kp = gen.generateKeyPair();
            keys.add(kp);
            Files.writeString(m.authorizedKeys(), PublicKeyEntry.toString(kp.getPublic()) + "\n");
            // the learner's file is in place before the first login (templates never overwrite a learner's file)
            Path file = m.workspace().resolve("part1/Vocabulary.java");
            Files.createDirectories(file.getParent());
            Files.copy(home.exercises().resolve(i % 2 == 0 ? SOLUTION : MISTAKE), file);
        }
        FairUse.Limits limits = FairUse.Limits.forCores(Runtime.getRuntime().availableProcessors());
        List<String> serverLog = Collections.synchronizedList(new ArrayList<>());
        try (ClassServer server = new ClassServer(folder, course, new FairUse(limits), "127.0.0.1", 0, serverLog::add)) {
            server.start();
            out.printf(Locale.ROOT, "Class server on 127.0.0.1:%d; %d learners log in over 3 s, check exercise 1.1 and "
                    + "type for %d s...%n", server.port(), sessions, millis / 1000);
            SshClient client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            ExecutorService pool = Executors.newFixedThreadPool(sessions);
            long t0 = System.nanoTime();
            try {
                List<Future<LearnerResult>> futures = new ArrayList<>();
                for (int i = 0; i < sessions; i++) {
                    int idx = i;
                    futures.add(pool.submit(() -> learner(client, server.port(), idx, keys.get(idx), t0)));
                }
                List<LearnerResult> results = new ArrayList<>();
                for (Future<LearnerResult> f : futures) results.add(f.get(millis + 600_000, TimeUnit.MILLISECONDS));
                return new Result(sessions, (System.nanoTime() - t0) / 1e9, results, limits);
            } finally {
                pool.shutdownNow();
                client.stop();
            }
        }
    }

    private static String name(int i) {
        return String.format(Locale.ROOT, "learner%02d", i);
    }

    private LearnerResult learner(SshClient client, int port, int idx, KeyPair key, long t0) {
        String name = name(idx);
        boolean expectPass = idx % 2 == 0;
        List<long[]> lat = new ArrayList<>();
        long verdictAt = -1;
        Screen screen = new Screen();
        try {
            Thread.sleep(idx * 3000L / Math.max(1, sessions)); // people arrive over a few seconds
            try (ClientSession s = client.connect(name, "127.0.0.1", port).verify(60, TimeUnit.SECONDS).getSession()) {
                s.addPublicKeyIdentity(key);
                s.auth().verify(60, TimeUnit.SECONDS);
                PtyChannelConfiguration pty = new PtyChannelConfiguration();
                pty.setPtyType("xterm-256color");
                pty.setPtyColumns(100);
                pty.setPtyLines(30);
                try (ChannelShell ch = s.createShellChannel(pty, Map.of("LANG", "C.UTF-8"))) {
                    ch.setOut(screen);
                    ch.setErr(OutputStream.nullOutputStream());
                    ch.open().verify(60, TimeUnit.SECONDS);
                    OutputStream keys = ch.getInvertedIn();
                    screen.await("Course map", 120_000);
                    send(keys, "\r");
                    screen.await("Part 1", 30_000);
                    send(keys, "1");
                    screen.await("Exercise 1.1", 30_000);
                    Path progress = classDir.resolve("learners").resolve(name).resolve("workspace/progress.txt");
                    long c0 = System.nanoTime();
                    send(keys, "c");
                    send(keys, "q"); // back to the part screen while the check waits its turn
                    screen.await("Exercises", 30_000);
                    Random rnd = new Random(idx);
                    long end = t0 + millis * 1_000_000L;
                    String verdict = null;
                    long checkMs = -1;
                    boolean down = true;
                    while (System.nanoTime() < end || verdict == null) {
                        if (verdict == null) {
                            verdict = verdictOf(progress);
                            if (verdict != null) {
                                checkMs = (System.nanoTime() - c0) / 1_000_000;
                                verdictAt = System.nanoTime() - t0;
                            }
                            else if (System.nanoTime() - c0 > 600_000_000_000L) break;
                        }
                        if (System.nanoTime() >= end) {
                            Thread.sleep(100);
                            continue;
                        }
                        long sent = System.nanoTime() - t0;
                        Long l = screen.keystroke(keys, down ? "\u001b[B" : "\u001b[A", 5_000);
                        if (l != null) lat.add(new long[]{sent, l});
                        down = !down;
                        Thread.sleep(150 + rnd.nextInt(150)); // a person pressing keys, not a flood
                    }
                    send(keys, "q");
                    send(keys, "q");
                    ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), 30_000);
                    return new LearnerResult(name, expectPass, verdict == null ? "none" : verdict, checkMs, lat, verdictAt,
                            null);
                }
            }
        } catch (Exception e) {
            return new LearnerResult(name, expectPass, "none", -1, lat, verdictAt, e.toString() + " (screen: "
                    + screen.tail() + ")");
        }
    }

    private static String verdictOf(Path progress) throws IOException {
        if (!Files.exists(progress)) return null;
        for (String line : Files.readAllLines(progress, StandardCharsets.UTF_8)) {
            String[] f = line.split(" ");
            if (f.length >= 3 && f[0].equals("exercise") && f[1].equals("1.1")) return f[2];
        }
        return null;
    }

    private static void send(OutputStream keys, String s) throws IOException {
        keys.write(s.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** The channel's output: remembers recent text, and timestamps the first bytes after a key. */
    private static final class Screen extends OutputStream {
        private final StringBuilder text = new StringBuilder();
        private long pendingSince;
        private long answeredNs = -1;

        @Override
        public synchronized void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (pendingSince != 0 && answeredNs < 0) {
                answeredNs = System.nanoTime() - pendingSince;
                notifyAll();
            }
            text.append(new String(b, off, len, StandardCharsets.UTF_8));
            if (text.length() > 200_000) text.delete(0, text.length() - 100_000);
            notifyAll();
        }

        synchronized void await(String what, long timeoutMs) throws InterruptedException {
            long end = System.currentTimeMillis() + timeoutMs;
            while (!ANSI.matcher(text).replaceAll("").contains(what)) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) throw new IllegalStateException("never saw \"" + what + "\"");
                wait(Math.min(left, 200));
            }
            text.setLength(0);
        }

        /** Sends a key and returns the nanoseconds until the screen answered, or null if it did not within the limit. */
        Long keystroke(OutputStream keys, String key, long timeoutMs) throws IOException, InterruptedException {
            synchronized (this) {
                pendingSince = System.nanoTime();
                answeredNs = -1;
            }
            send(keys, key);
            synchronized (this) {
                long end = System.currentTimeMillis() + timeoutMs;
                while (answeredNs < 0 && System.currentTimeMillis() < end) wait(50);
                pendingSince = 0;
                return answeredNs < 0 ? null : answeredNs;
            }
        }

        synchronized String tail() {
            String s = ANSI.matcher(text).replaceAll(" ").replaceAll("\\s+", " ");
            return s.length() > 300 ? s.substring(s.length() - 300) : s;
        }
    }

    /** Prints the result table: latency over the whole run, while the checks ran, and after the last verdict. */
    public static void print(Result r, PrintWriter out) {
        List<Long> checks = r.learners().stream().map(LearnerResult::checkMillis).filter(x -> x >= 0).sorted().toList();
        out.printf(Locale.ROOT, "%n%d sessions for %.0f s; verdicts right: %d of %d; check time (key to verdict) p50 %s s, "
                        + "max %s s%n", r.sessions(), r.seconds(), r.verdictsRight(), r.learners().size(),
                checks.isEmpty() ? "–" : String.format(Locale.ROOT, "%.1f", checks.get(checks.size() / 2) / 1000.0),
                checks.isEmpty() ? "–" : String.format(Locale.ROOT, "%.1f", checks.get(checks.size() - 1) / 1000.0));
        out.printf(Locale.ROOT, "%n%-34s %-11s %-8s %-8s %-8s%n", "keystroke to screen", "keystrokes", "p50 ms", "p99 ms",
                "max ms");
        row(out, "whole run", r.latencies(null));
        row(out, "while the checks ran", r.latencies(true));
        row(out, "after the last verdict", r.latencies(false));
        out.printf(Locale.ROOT, "(check slots %d, lab slots %d, %d cores, Java %s)%n", r.limits().checks(),
                r.limits().labs(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (LearnerResult l : r.learners()) {
            if (!l.verdictRight()) {
                out.println("  " + l.name() + ": expected " + (l.expectPass() ? "passed" : "failed") + ", got "
                        + l.verdict() + (l.problem() == null ? "" : " — " + l.problem()));
            }
        }
    }

    private static void row(PrintWriter out, String what, List<Long> lat) {
        out.printf(Locale.ROOT, "%-34s %-11d %-8.1f %-8.1f %-8.1f%n", what, lat.size(), ms(pct(lat, 0.50)),
                ms(pct(lat, 0.99)), ms(lat.isEmpty() ? 0 : lat.get(lat.size() - 1)));
    }

    private static long pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static double ms(long ns) {
        return ns / 1e6;
    }
}
