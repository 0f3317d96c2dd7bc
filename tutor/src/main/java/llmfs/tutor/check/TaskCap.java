package llmfs.tutor.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An operating-system cap on the tasks (processes and threads together) of one check process and everything it
 * starts: a cgroup of the {@code pids} controller with {@code pids.max} set, which the process enters before the
 * JVM starts, so its descendants are in it too.
 *
 * <p>The check process already stops a check that starts more than {@link CheckChild#THREAD_CAP} threads, but it
 * does so by looking; this cap cannot be outrun. {@code RLIMIT_NPROC} would not do: it counts every process of a
 * user and does not bind root. Where the tutor may not create cgroups (no {@code pids} controller, a read-only
 * cgroup file system, another user) the cap is off and {@code tutor doctor} says why.
 */
final class TaskCap {
    /** Tasks a check process may have: a JVM needs a few dozen, checks add at most {@link CheckChild#THREAD_CAP}. */
    static final int MAX_TASKS = 256;

    /** Check processes' cgroups are named after their private folders, which start with this. */
    static final String PREFIX = "llmfs-check-";
    /** An empty check cgroup older than this is left over. */
    private static final Duration STALE = Duration.ofMinutes(10);

    private static volatile TaskCap detected;

    private final Path parent;
    private final String why;

    private TaskCap(Path parent, String why) {
        this.parent = parent;
        this.why = why;
    }

    /** The cap on this machine, probed once. */
    static TaskCap detect() {
        TaskCap d = detected;
        if (d == null) {
            d = probe();
            detected = d;
        }
        return d;
    }

    /** True when check processes run inside a capped cgroup. */
    boolean active() {
        return parent != null;
    }

    /** The cgroup under which check processes get theirs (null when the cap is off). */
    Path parent() {
        return parent;
    }

    /** In words, for {@code tutor doctor}. */
    String description() {
        return active() ? "on (cgroup pids controller: at most " + MAX_TASKS + " processes and threads per check process)"
                : "unavailable — " + why;
    }

    /** Creates the capped cgroup {@code name} (a fresh, unique name per process). */
    Path create(String name) throws IOException {
        if (!active()) throw new IllegalStateException("the task cap is not available: " + why);
        Path group = Files.createDirectory(parent.resolve(name));
        try {
            Files.writeString(group.resolve("pids.max"), String.valueOf(MAX_TASKS), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            remove(group);
            throw e;
        }
        return group;
    }

    /**
     * The command run inside {@code group}: a shell that moves itself into the cgroup and then becomes the
     * command, so no task of the process ever runs outside it.
     */
    static List<String> wrap(List<String> command, Path group) {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "echo $$ > \"$0/cgroup.procs\" && exec \"$@\"",
                group.toString()));
        cmd.addAll(command);
        return cmd;
    }

    /**
     * Removes the cgroup once its last task is gone (the kernel refuses while any remains, and the process's
     * descendants may take a moment to end after it). Best effort: an empty cgroup left behind costs nothing.
     */
    static boolean remove(Path group) {
        return remove(group, 50);
    }

    /** {@link #remove(Path)} with at most {@code attempts} tries, 100 ms apart. */
    static boolean remove(Path group, int attempts) {
        for (int attempt = 0; attempt < attempts; attempt++) {
            try {
                Files.deleteIfExists(group);
                return true;
            } catch (IOException e) {
                if (attempt == attempts - 1) break;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * Removes empty check cgroups made before {@code before}: a tutor that was killed, or that exited while its last
     * check process was still ending, leaves its cgroup behind. One in use cannot be removed (the kernel refuses),
     * and one just made by another tutor is too young to be touched.
     */
    static int sweep(Path base, Instant before) {
        int removed = 0;
        try (DirectoryStream<Path> groups = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path g : groups) {
                try {
                    if (Files.getLastModifiedTime(g).toInstant().isBefore(before) && remove(g, 1)) removed++;
                } catch (IOException ignored) {
                    // gone meanwhile
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
        return removed;
    }

    /** Finds this process's cgroup in the pids hierarchy (v1 or v2) and checks a capped child can be made there. */
    private static TaskCap probe() {
        if (!Files.isExecutable(Path.of("/bin/sh"))) return new TaskCap(null, "no /bin/sh to enter the cgroup");
        Path self = Path.of("/proc/self/cgroup");
        List<String> lines;
        try {
            lines = Files.readAllLines(self);
        } catch (IOException e) {
            return new TaskCap(null, "no cgroups on this system (" + self + " cannot be read)");
        }
        Path base = null;
        for (String line : lines) {
            String[] f = line.split(":", 3);
            if (f.length < 3) continue;
            if (List.of(f[1].split(",")).contains("pids")) {
                base = Path.of("/sys/fs/cgroup/pids" + f[2]);
                break;
            }
            if (f[0].equals("0") && f[1].isEmpty() && base == null) base = Path.of("/sys/fs/cgroup" + f[2]);
        }
        if (base == null) return new TaskCap(null, "no cgroup with the pids controller");
        Path probe = base.resolve("llmfs-probe-" + ProcessHandle.current().pid());
        try {
            Files.createDirectory(probe);
        } catch (IOException e) {
            return new TaskCap(null, "cannot create a cgroup under " + base + " (" + e.getClass().getSimpleName() + ")");
        }
        try {
            if (!Files.isRegularFile(probe.resolve("pids.max"))) {
                return new TaskCap(null, "the pids controller is not enabled under " + base);
            }
            Files.writeString(probe.resolve("pids.max"), String.valueOf(MAX_TASKS), StandardCharsets.US_ASCII);
            // Entering it must work too, or every check process would fail to start.
            Process p = new ProcessBuilder(wrap(List.of("/bin/sh", "-c", "exit 0"), probe)).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new TaskCap(null, "entering a cgroup under " + base + " did not finish");
            }
            if (p.exitValue() != 0) return new TaskCap(null, "cannot enter a cgroup under " + base + ": " + out);
            sweep(base, Instant.now().minus(STALE));
            return new TaskCap(base, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TaskCap(null, "interrupted while probing cgroups");
        } catch (IOException e) {
            return new TaskCap(null, "cannot set pids.max under " + base + " (" + e.getClass().getSimpleName() + ")");
        } finally {
            remove(probe);
        }
    }
}
