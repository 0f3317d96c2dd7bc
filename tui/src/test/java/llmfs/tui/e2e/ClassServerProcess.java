package llmfs.tui.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/tutor serve} as a real process on a free loopback port, with its log collected, plus what the class
 * tests need around it: running {@code bin/tutor class ...}, {@code ssh-keygen} and {@code ssh}.
 */
final class ClassServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Class server on 127\\.0\\.0\\.1:([0-9]+)");

    private final Process process;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final int port;

    private ClassServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Whether the OpenSSH client and ssh-keygen are installed. */
    static boolean sshAvailable() {
        try {
            return new ProcessBuilder("ssh", "-V").redirectErrorStream(true).start().waitFor() == 0
                    && new ProcessBuilder("sh", "-c", "command -v ssh-keygen").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts the server for {@code classDir} on port 0 and waits (up to 3 minutes, it may build) until it listens. */
    static ClassServerProcess start(Path root, Path classDir, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(root.resolve("bin/tutor").toString(), "serve", "--class-dir",
                classDir.toString(), "--port", "0"));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> early = new ArrayList<>();
        long end = System.currentTimeMillis() + 180_000;
        String line;
        while (System.currentTimeMillis() < end && (line = r.readLine()) != null) {
            early.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                ClassServerProcess s = new ClassServerProcess(p, Integer.parseInt(m.group(1)));
                s.log.addAll(early);
                Thread t = new Thread(() -> s.drain(r), "class-server-log");
                t.setDaemon(true);
                t.start();
                return s;
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the class server did not start; it printed:\n" + String.join("\n", early));
    }

    private void drain(BufferedReader r) {
        try {
            for (String line; (line = r.readLine()) != null; ) log.add(line);
        } catch (IOException ignored) {
            // the server ended
        }
    }

    int port() {
        return port;
    }

    String log() {
        return String.join("\n", log);
    }

    /** Waits until the server's log holds {@code text}. */
    void awaitLog(String text, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            if (log().contains(text)) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the server never logged \"" + text + "\"; its log:\n" + log());
    }

    /** Runs a command to its end and returns its exit status and output (stdout and stderr together). */
    static Result exec(String stdin, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("LD_PRELOAD"); // see Tmux: not for ssh and ssh-keygen (the launcher sets its own)
        Process p = pb.start();
        if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    record Result(int status, String output) {}

    /** ssh options for a throwaway test server: no host-key prompts, only the given identity. */
    static String sshOptions() {
        return "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o IdentitiesOnly=yes -o LogLevel=ERROR "
                + "-o ConnectTimeout=30";
    }

    /** Stops the server as Ctrl-C would (SIGTERM: it closes every session and saves running labs). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
