package llmfs.tui.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Drives a program in a private tmux server, as a person at a terminal would: send keys, read the screen.
 */
final class Tmux implements AutoCloseable {
    private final String socket = "llmfs-e2e-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final String session = "t";

    static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code command} (a shell line) in a detached window of the given size. */
    Tmux start(int cols, int rows, String command) throws IOException, InterruptedException {
        run("new-session", "-d", "-s", session, "-x", String.valueOf(cols), "-y", String.valueOf(rows), command);
        return this;
    }

    void keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        run(args.toArray(new String[0]));
    }

    void resize(int cols, int rows) throws IOException, InterruptedException {
        run("resize-window", "-t", session, "-x", String.valueOf(cols), "-y", String.valueOf(rows));
    }

    /** The process id of the window's shell (the command given to {@link #start}). */
    long panePid() throws IOException, InterruptedException {
        return Long.parseLong(run("display-message", "-p", "-t", session, "#{pane_pid}").trim());
    }

    String screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-t", session);
    }

    /** Waits until the screen satisfies {@code test}; fails with the last screen if it never does. */
    String await(String what, long timeoutMs, Predicate<String> test) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        String s = "";
        while (System.currentTimeMillis() < end) {
            s = screen();
            if (test.test(s)) return s;
            Thread.sleep(150);
        }
        throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what + "; the screen was:\n" + s);
    }

    String awaitText(String text, long timeoutMs) throws IOException, InterruptedException {
        return await("\"" + text + "\"", timeoutMs, s -> s.contains(text));
    }

    /**
     * Waits for a complete, settled screen: two captures in a row that are equal and satisfy {@code test}. A single
     * capture can catch the program half-way through drawing (the first line of a message there, the rest not yet),
     * which is what a loaded machine makes likely. For screens that never settle (a live chart) use {@link #await}
     * with a predicate naming everything the test then looks at.
     */
    String awaitStable(String what, long timeoutMs, Predicate<String> test) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        String previous = null;
        String s = "";
        while (System.currentTimeMillis() < end) {
            s = screen();
            if (test.test(s) && s.equals(previous)) return s;
            previous = test.test(s) ? s : null;
            Thread.sleep(150);
        }
        throw new AssertionError("timed out after " + timeoutMs + " ms waiting for a settled screen with " + what
                + "; the screen was:\n" + s);
    }

    String awaitStableText(String text, long timeoutMs) throws IOException, InterruptedException {
        return awaitStable("\"" + text + "\"", timeoutMs, s -> s.contains(text));
    }

    boolean alive() {
        try {
            run("has-session", "-t", session);
            return true;
        } catch (IOException | InterruptedException | AssertionError e) {
            return false;
        }
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // The test JVM preloads the JDK's libjsig (for OpenCL drivers); tmux and the programs it starts are not JVMs,
        // and libjsig would print a warning into their output. The launcher sets it again for the tutor's own JVM.
        pb.environment().remove("LD_PRELOAD");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tmux " + String.join(" ", args) + " did not finish");
        }
        if (p.exitValue() != 0) throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + out);
        return out;
    }

    @Override
    public void close() {
        try {
            new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException ignored) {
            // nothing left to clean up
        }
    }
}
