package llmfs.tutor.check;

import com.google.gson.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One running check process, seen from the tutor: sends requests, collects protocol messages from its stdout
 * (on a reader thread), keeps the tail of its stderr and of any stray stdout for diagnosing crashes, and cleans
 * up its private working directory when it ends.
 */
final class ChildProcess {
    /** Queued when the child's stdout ends. */
    static final JsonObject END = Protocol.message("end");
    private static final int TAIL_CHARS = 4000;

    private final Process process;
    private final Path workDir;
    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final Path stderrFile;
    private final StringBuilder strayTail = new StringBuilder();
    private final OutputStream stdin;
    private volatile boolean ready;

    private ChildProcess(Process process, Path workDir, Path stderrFile) {
        this.process = process;
        this.workDir = workDir;
        this.stderrFile = stderrFile;
        this.stdin = process.getOutputStream();
        Thread out = new Thread(this::readStdout, "check-process-stdout-" + process.pid());
        out.setDaemon(true);
        out.start();
        process.onExit().thenRun(this::deleteWorkDir);
    }

    /** Starts a check process with {@code command}, in a new private temporary directory. */
    static ChildProcess start(List<String> command) throws IOException {
        Path dir = Files.createTempDirectory("llmfs-check-");
        // stderr goes to a file (outside the work dir, which is deleted on exit): unlike a pipe, nothing written
        // there can be lost when the process dies or is destroyed before a reader got to it.
        Path err = Files.createTempFile("llmfs-check-", ".stderr");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile());
            pb.environment().put("TMPDIR", dir.toString());
            return new ChildProcess(startRetryingBusy(pb), dir, err);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(dir);
            Files.deleteIfExists(err);
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

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
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
        byte[] line = (Protocol.encode(message) + "\n").getBytes(StandardCharsets.UTF_8);
        stdin.write(line);
        stdin.flush();
    }

    /** The next message, {@link #END} once the child's output ended, or null after {@code timeoutMs}. */
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
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
        killAndClean();
    }

    /** Ends the process at once (its JVM gets no chance to run anything). */
    void kill() {
        // Destroying a Process also closes its streams, which would throw away an exited child's unread stderr.
        if (process.isAlive()) process.destroyForcibly();
    }

    /** Kills the process and removes its working directory before returning (for shutdown). */
    void killAndClean() {
        process.destroyForcibly();
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteWorkDir();
        forget();
    }

    /** What the child wrote to stderr and any stray stdout lines, last few KB, for crash reports. */
    String diagnostics() {
        // Called once the process has ended or been killed; on a busy machine the exit can take a moment.
        try {
            process.waitFor(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StringBuilder sb = new StringBuilder();
        sb.append(stderrTail().strip());
        synchronized (strayTail) {
            if (strayTail.length() > 0) {
                if (sb.length() > 0) sb.append('\n');
                sb.append(strayTail.toString().strip());
            }
        }
        return sb.toString();
    }

    private void readStdout() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonObject m = Protocol.decode(line);
                if (m != null) {
                    messages.add(m);
                } else {
                    append(strayTail, line + "\n");
                }
            }
        } catch (IOException ignored) {
            // the stream breaks when the process is killed; END below tells the reader
        } finally {
            messages.add(END);
        }
    }

    /** The last {@value #TAIL_CHARS} characters the process wrote to stderr. */
    private String stderrTail() {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(stderrFile)) {
            long size = ch.size(), from = Math.max(0, size - TAIL_CHARS);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) (size - from));
            ch.read(buf, from);
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void append(StringBuilder tail, String text) {
        synchronized (tail) {
            tail.append(text);
            if (tail.length() > TAIL_CHARS) tail.delete(0, tail.length() - TAIL_CHARS);
        }
    }

    /** Removes the stderr file; called when the runner is done with this process. */
    void forget() {
        try {
            Files.deleteIfExists(stderrFile);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }

    private void deleteWorkDir() {
        try (Stream<Path> files = Files.walk(workDir)) {
            List<Path> all = new ArrayList<>();
            files.forEach(all::add);
            all.sort(Comparator.reverseOrder());
            for (Path p : all) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: it is a temporary directory
        }
    }
}
