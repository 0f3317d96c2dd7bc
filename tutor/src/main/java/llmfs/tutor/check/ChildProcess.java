package llmfs.tutor.check;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One running check process, seen from the tutor.
 *
 * <p>Each process gets a private folder (mode 700) holding its scratch folder (its working directory and
 * {@code TMPDIR}, the only place it may write) and the socket of its {@link SealedChannel}. The tutor makes a fresh
 * random key, writes it to the child's stdin and closes it; the child connects, after which the socket file is
 * removed so nothing else can connect. Protocol messages come only from that channel; the child's stdout and
 * stderr are drained into small {@link BoundedTail}s for diagnosing crashes, whatever their size. The private
 * folder is deleted when the process ends and when the runner closes.
 */
final class ChildProcess {
    /** Queued when the channel ends (or never came up). */
    static final JsonObject END = Protocol.message("end");
    /** Queued before {@link #END} when the child sent something that was not sealed with its key. */
    static final String TAMPERED = "tampered";
    private static final int TAIL_BYTES = 4000;
    /** The largest message accepted from a child (a verdict with 4 KB of output is far smaller). */
    private static final int MAX_REPLY_BYTES = 1 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Process process;
    private final Path root;
    /** The process's capped cgroup ({@link TaskCap}), or null where there is none. */
    private final Path group;
    private final ServerSocketChannel server;
    private final Path socketFile;
    private final byte[] key;
    private final long acceptTimeoutMs;
    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final BoundedTail stdout;
    private final BoundedTail stderr;
    private volatile SealedChannel channel;
    private volatile boolean ready;

    private ChildProcess(Process process, Path root, Path group, ServerSocketChannel server, Path socketFile, byte[] key,
                         long acceptTimeoutMs) {
        this.process = process;
        this.root = root;
        this.group = group;
        this.server = server;
        this.socketFile = socketFile;
        this.key = key;
        this.acceptTimeoutMs = acceptTimeoutMs;
        this.stdout = new BoundedTail(process.getInputStream(), TAIL_BYTES, "check-process-stdout-" + process.pid());
        this.stderr = new BoundedTail(process.getErrorStream(), TAIL_BYTES, "check-process-stderr-" + process.pid());
        Thread reader = new Thread(this::readChannel, "check-process-channel-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        process.onExit().thenRun(this::deleteFolder);
        if (group != null) process.onExit().thenRunAsync(() -> TaskCap.remove(group));
    }

    /** How a check process's command line is made, given its private paths. */
    @FunctionalInterface
    interface Launch {
        /**
         * @param scratch the process's working directory, the only writable place
         * @param socket  the channel's socket file, to pass to the child
         */
        List<String> command(Path scratch, Path socket);
    }

    /** Starts a check process in a new private folder and hands it its channel key. */
    static ChildProcess start(Launch launch, long acceptTimeoutMs) throws IOException {
        // Mode 700 where the file system has modes; elsewhere the platform's temp folder is already per user.
        Path root = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempDirectory("llmfs-check-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory("llmfs-check-");
        ServerSocketChannel server = null;
        Path group = null;
        try {
            Path scratch = Files.createDirectory(root.resolve("scratch"));
            Path socket = root.resolve("channel.sock");
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            List<String> command = launch.command(scratch, socket);
            TaskCap cap = TaskCap.detect();
            if (cap.active()) {
                group = cap.create(root.getFileName().toString());
                command = TaskCap.wrap(command, group);
            }
            ProcessBuilder pb = new ProcessBuilder(command).directory(scratch.toFile());
            // Nothing of the tutor's environment (tokens, proxies, JAVA_TOOL_OPTIONS, LD_PRELOAD) reaches the child.
            pb.environment().clear();
            pb.environment().put("PATH", "/usr/bin:/bin");
            pb.environment().put("TMPDIR", scratch.toString());
            pb.environment().put("HOME", scratch.toString());
            pb.environment().put("LANG", "C.UTF-8");
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Process p = startRetryingBusy(pb);
            ChildProcess child = new ChildProcess(p, root, group, server, socket, key, acceptTimeoutMs);
            try (OutputStream in = p.getOutputStream()) {
                in.write((HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // It died at once; its stderr says why.
            }
            return child;
        } catch (IOException | RuntimeException e) {
            if (server != null) server.close();
            deleteTree(root);
            if (group != null) TaskCap.remove(group);
            throw e;
        }
    }

    /**
     * Starts the process, retrying briefly on "Text file busy": Linux refuses to run a program while any process
     * still holds it open for writing, which a concurrent fork can do for a moment after the file was written.
     */
    private static Process startRetryingBusy(ProcessBuilder pb) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return pb.start();
            } catch (IOException e) {
                if (attempt >= 4 || e.getMessage() == null || !e.getMessage().contains("Text file busy")) throw e;
                try {
                    Thread.sleep(50L << attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Accepts the child's one connection, then queues its sealed messages until the channel ends. */
    private void readChannel() {
        try {
            SocketChannel s = accept();
            if (s == null) return;
            SealedChannel c = new SealedChannel(s, key, MAX_REPLY_BYTES);
            channel = c;
            while (true) {
                JsonObject m = c.receive();
                if (m == null) return;
                messages.add(m);
            }
        } catch (SealedChannel.TamperedException e) {
            JsonObject t = Protocol.message(TAMPERED);
            t.addProperty("why", e.getMessage());
            messages.add(t);
        } catch (IOException ignored) {
            // the connection breaks when the process is killed; END below tells the reader
        } finally {
            messages.add(END);
        }
    }

    /** The child's connection, or null if it ended or did not connect in time. */
    private SocketChannel accept() throws IOException {
        try (Selector selector = Selector.open()) {
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(acceptTimeoutMs);
            while (System.nanoTime() < deadline && process.isAlive()) {
                selector.select(100);
                SocketChannel s = server.accept();
                if (s != null) {
                    s.configureBlocking(true);
                    return s;
                }
            }
            return null;
        } finally {
            // One connection per process: nothing else may connect later.
            server.close();
            Files.deleteIfExists(socketFile);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * CPU time used so far by the process and everything it started (inside the OS sandbox the JVM is a
     * descendant of bubblewrap), in nanoseconds; -1 where the system does not say.
     */
    long cpuNanos() {
        ProcessHandle self = process.toHandle();
        long total = cpuNanos(self);
        if (total < 0) return -1;
        for (ProcessHandle p : self.descendants().toList()) total += Math.max(0, cpuNanos(p));
        return total;
    }

    private static long cpuNanos(ProcessHandle p) {
        return p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    /**
     * Waits until the child said it is ready.
     *
     * @return false if it ended or did not get ready in time
     */
    boolean awaitReady(long timeoutMs) throws InterruptedException {
        if (ready) return true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            JsonObject m = messages.poll(left, TimeUnit.NANOSECONDS);
            if (m == null) return false;
            if (m == END) {
                messages.add(END);
                return false;
            }
            if (Protocol.READY.equals(Protocol.type(m))) {
                ready = true;
                return true;
            }
        }
    }

    void send(JsonObject message) throws IOException {
        SealedChannel c = channel;
        if (c == null) throw new IOException("the check process is not connected");
        c.send(message);
    }

    /** The next message, {@link #END} once the channel ended, or null after {@code timeoutMs}. */
    JsonObject next(long timeoutMs) throws InterruptedException {
        JsonObject m = messages.poll(Math.max(0, timeoutMs), TimeUnit.MILLISECONDS);
        if (m == END) messages.add(END); // stay at the end for later readers
        return m;
    }

    /** Waits for the process to end and returns its exit status, or -1 if it is still running after the wait. */
    int waitForExit(long timeoutMs) throws InterruptedException {
        if (process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) return process.exitValue();
        return -1;
    }

    /** Asks the child to leave, then makes sure it is gone. */
    void stop() {
        try {
            send(Protocol.message(Protocol.QUIT));
        } catch (IOException ignored) {
            // already gone
        }
        killAndClean();
    }

    /** Ends the process at once (its JVM gets no chance to run anything). */
    void kill() {
        if (process.isAlive()) process.destroyForcibly();
        SealedChannel c = channel;
        if (c != null) c.close();
    }

    /** Kills the process and removes its private folder before returning (for shutdown). */
    void killAndClean() {
        kill();
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forget();
        // Also done when the process ends, but at shutdown that may never run: try now, briefly.
        if (group != null) TaskCap.remove(group, 10);
    }

    /** What the child wrote to stderr and stdout, last few KB each, for crash reports. */
    String diagnostics() {
        // Called once the process has ended or been killed; on a busy machine the exit, and draining what it wrote,
        // can take a while. Each wait returns as soon as its stream ends.
        try {
            process.waitFor(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stderr.awaitEnd(10_000);
        stdout.awaitEnd(5_000);
        StringBuilder sb = new StringBuilder(stderr.text().strip());
        String out = stdout.text().strip();
        if (!out.isEmpty()) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(out);
        }
        return sb.toString();
    }

    /** Removes the private folder; called when the runner is done with this process. */
    void forget() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        deleteFolder();
    }

    /** The process's private folder (for tests: it must be gone after the process ended). */
    Path folder() {
        return root;
    }

    private void deleteFolder() {
        deleteTree(root);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>();
            files.forEach(all::add);
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // keep going: remove what can be removed
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: it is a temporary directory
        }
    }
}
