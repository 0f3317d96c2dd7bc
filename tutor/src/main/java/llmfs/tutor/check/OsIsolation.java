package llmfs.tutor.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The operating system's layer of the check sandbox: the check process runs inside bubblewrap ({@code bwrap})
 * with its own network namespace (no network at all, not even the machine's loopback), its own process-ID
 * namespace (every process it might start dies with it), no capabilities, a new terminal session, and a private
 * file system that holds only the JDK, the system libraries, the class path, the course's data (read-only) and
 * the check's scratch folder (writable). Another learner's workspace, the learner's own progress file and the
 * reference solutions are not there.
 *
 * <p>Whether bubblewrap works is probed once per tutor process (user namespaces can be disabled, e.g. inside some
 * containers); {@code TUTOR_SANDBOX=off} (or {@code -Dllmfs.check.isolation=off}) turns this layer off, and
 * {@code required} makes checks fail rather than run without it.
 */
final class OsIsolation {
    /** System property (or TUTOR_SANDBOX in the environment): auto, off or required. */
    static final String PROPERTY = "llmfs.check.isolation";
    static final String ENV = "TUTOR_SANDBOX";

    private static volatile OsIsolation detected;

    private final String bwrap;
    private final boolean required;
    private final String unavailableReason;

    private OsIsolation(String bwrap, boolean required, String unavailableReason) {
        this.bwrap = bwrap;
        this.required = required;
        this.unavailableReason = unavailableReason;
    }

    /** What this machine offers, probed once. */
    static OsIsolation detect() {
        OsIsolation d = detected;
        if (d == null) {
            synchronized (OsIsolation.class) {
                if (detected == null) detected = probe();
                d = detected;
            }
        }
        return d;
    }

    private static OsIsolation probe() {
        String mode = System.getProperty(PROPERTY);
        if (mode == null || mode.isBlank()) mode = System.getenv(ENV);
        mode = mode == null || mode.isBlank() ? "auto" : mode.strip().toLowerCase(Locale.ROOT);
        boolean required = mode.equals("required");
        if (mode.equals("off")) return new OsIsolation(null, false, "turned off (" + ENV + "=off)");
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return new OsIsolation(null, required, "unavailable — bubblewrap needs Linux");
        }
        String exe = null;
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(dir, "bwrap"))) {
                exe = dir + "/bwrap";
                break;
            }
        }
        if (exe == null) return new OsIsolation(null, required, "unavailable — install bubblewrap (apt-get install bubblewrap)");
        List<String> cmd = new ArrayList<>();
        cmd.add(exe);
        cmd.addAll(namespaceFlags());
        cmd.addAll(systemMounts());
        cmd.add("/usr/bin/true");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            BoundedTail out = new BoundedTail(p.getInputStream(), 1000, "bwrap-probe");
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new OsIsolation(null, required, "unavailable — bubblewrap did not start within 10 s");
            }
            out.awaitEnd(1000);
            if (p.exitValue() != 0) {
                return new OsIsolation(null, required, "unavailable — bubblewrap cannot create namespaces here ("
                        + out.text().strip() + ")");
            }
        } catch (IOException e) {
            return new OsIsolation(null, required, "unavailable — " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OsIsolation(null, required, "unavailable — probe interrupted");
        }
        return new OsIsolation(exe, required, null);
    }

    /** Whether check processes run inside bubblewrap. */
    boolean active() {
        return bwrap != null;
    }

    /** Whether checks must not run without this layer. */
    boolean required() {
        return required;
    }

    /** One line for {@code tutor doctor}. */
    String description() {
        return active() ? "bubblewrap (no network, private filesystem, own process tree)" : unavailableReason;
    }

    /**
     * The command that runs {@code command} (a {@code java} command line) inside the sandbox.
     *
     * @param scratch  the check's private folder, the only writable place (also the working directory)
     * @param socket   the verdict channel's socket file
     * @param java     the {@code java} executable the command runs (its JDK is mounted read-only)
     * @param readOnly further files and folders the process must read (class path, course data)
     */
    List<String> wrap(List<String> command, Path java, Path scratch, Path socket, List<Path> readOnly) {
        if (!active()) return command;
        List<String> cmd = new ArrayList<>();
        cmd.add(bwrap);
        cmd.addAll(namespaceFlags());
        cmd.addAll(systemMounts());
        List<Path> ro = new ArrayList<>(readOnly);
        Path javaHome = realPath(java.toAbsolutePath()).getParent().getParent();
        ro.add(javaHome);
        ro.addAll(linkTargets(javaHome));
        for (Path p : minimal(ro)) {
            Path source = realPath(p);
            if (p.startsWith("/usr") || source == null || !Files.exists(source)) continue;
            cmd.add("--ro-bind");
            cmd.add(source.toString());
            cmd.add(p.toString());
        }
        cmd.addAll(List.of("--bind", scratch.toString(), scratch.toString(),
                "--ro-bind", socket.toString(), socket.toString(),
                "--chdir", scratch.toString(), "--"));
        cmd.addAll(command);
        return cmd;
    }

    private static List<String> namespaceFlags() {
        return List.of("--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL");
    }

    /** The system's libraries and programs (read-only), /proc, a minimal /dev and an empty /tmp. */
    private static List<String> systemMounts() {
        List<String> m = new ArrayList<>(List.of("--ro-bind", "/usr", "/usr"));
        for (String top : List.of("/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32")) {
            Path p = Path.of(top);
            try {
                if (Files.isSymbolicLink(p)) {
                    m.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                } else if (Files.isDirectory(p)) {
                    m.addAll(List.of("--ro-bind", top, top));
                }
            } catch (IOException ignored) {
                // not there: nothing to mount
            }
        }
        if (Files.isRegularFile(Path.of("/etc/ld.so.cache"))) m.addAll(List.of("--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache"));
        m.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        return m;
    }

    /** Link targets per JDK: walking the JDK's tree takes a moment, and it does not change while the tutor runs. */
    private static final java.util.Map<Path, List<Path>> LINK_TARGETS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Targets of symbolic links inside the JDK that point outside it (Debian keeps its config in /etc). */
    private static List<Path> linkTargets(Path javaHome) {
        return LINK_TARGETS.computeIfAbsent(javaHome, OsIsolation::findLinkTargets);
    }

    private static List<Path> findLinkTargets(Path javaHome) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(javaHome, 8)) {
            s.filter(Files::isSymbolicLink).forEach(link -> {
                Path target = realPath(link);
                if (target != null && !target.startsWith(javaHome) && !target.startsWith("/usr")) out.add(target);
            });
        } catch (IOException | RuntimeException ignored) {
            // an unreadable JDK folder shows up as a failing check process, with its message
        }
        return out;
    }

    /** The paths, absolute, without those inside another one of them (binding the outer folder is enough). */
    private static List<Path> minimal(List<Path> paths) {
        List<Path> sorted = new ArrayList<>();
        for (Path p : paths) sorted.add(p.toAbsolutePath().normalize());
        sorted.sort(Comparator.comparingInt(Path::getNameCount));
        List<Path> out = new ArrayList<>();
        for (Path p : sorted) {
            if (out.stream().noneMatch(p::startsWith)) out.add(p);
        }
        return out;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? p.toAbsolutePath().normalize() : null;
        }
    }
}
