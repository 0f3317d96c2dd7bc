package llmfs.tui.cli;

import llmfs.compute.backend.BackendChooser;
import llmfs.compute.backend.Backends;
import llmfs.compute.data.Corpora;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Options every command understands ({@code --workspace}, {@code --device}), and the small services commands share:
 * where the workspace is, the corpora, whether output goes to a terminal.
 */
public final class GlobalOptions {
    /** Shared across the command tree: picocli sets the fields of whichever copy parsed the option. */
    static String workspaceOpt;
    static String deviceOpt;

    @Option(names = "--workspace", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Your exercise folder (default ./workspace, or $TUTOR_WORKSPACE)")
    void setWorkspace(String dir) {
        workspaceOpt = dir;
    }

    @Option(names = "--device", paramLabel = "DEV", scope = ScopeType.INHERIT,
            description = "Compute backend: auto (default), opencl, java or scalar (or $TUTOR_DEVICE)")
    void setDevice(String dev) {
        deviceOpt = dev;
    }

    private static PrintWriter out;

    /** The --workspace value given on the command line, or null. */
    public static String workspaceOption() {
        return workspaceOpt;
    }

    /** Forgets options from an earlier run in the same JVM (tests run many command lines). */
    public static void reset() {
        workspaceOpt = null;
        deviceOpt = null;
    }

    /** Standard output as a UTF-8 writer (commands print through this so tests can capture it). */
    public PrintWriter out() {
        if (out == null) out = new PrintWriter(new java.io.OutputStreamWriter(System.out,
                java.nio.charset.StandardCharsets.UTF_8), true);
        return out;
    }

    /** Redirects command output (tests). */
    public static void setOut(PrintWriter w) {
        out = w;
    }

    /** True when standard output is a terminal (progress bars), false when piped. */
    public boolean interactive() {
        return llmfs.tui.Tty.stdio() && !"dumb".equals(System.getenv("TERM"));
    }

    /** The workspace directory: --workspace, else $TUTOR_WORKSPACE, else ./workspace. */
    public Path workspaceDir() {
        String w = workspaceOpt;
        if (w == null || w.isBlank()) w = System.getenv("TUTOR_WORKSPACE");
        if (w == null || w.isBlank()) w = "workspace";
        return Paths.get(w).toAbsolutePath().normalize();
    }

    public Corpora corpora() {
        return Corpora.locate();
    }

    /**
     * Selects the compute backend once, before any tensor is made. When OpenCL was asked for (by {@code --device} or
     * {@code $TUTOR_DEVICE}) but cannot be used, says so on standard error, with the reason and the backend used
     * instead, rather than silently running somewhere else.
     */
    public void applyDevice() {
        boolean fromOption = deviceOpt != null && !deviceOpt.isBlank();
        String dev = fromOption ? deviceOpt : System.getenv("TUTOR_DEVICE");
        if (dev == null || dev.isBlank()) return;
        if (!fromOption && !dev.trim().equalsIgnoreCase("opencl")) return; // the default chain reads the rest itself
        BackendChooser.Choice choice = BackendChooser.choose(dev);
        Backends.use(choice.backend());
        String fallback = fallbackNote(dev, choice, fromOption ? "--device opencl" : "TUTOR_DEVICE=opencl");
        if (fallback != null) {
            System.err.println(fallback);
            System.err.flush();
        }
    }

    /** The one line that says OpenCL was asked for and why another backend runs instead; null when it was not. */
    static String fallbackNote(String dev, BackendChooser.Choice choice, String askedBy) {
        if (!dev.trim().equalsIgnoreCase("opencl") || choice.backend().name().equals("opencl")) return null;
        String prefix = "opencl: requested but not usable: ";
        String why = choice.notes().stream().filter(n -> n.startsWith(prefix)).map(n -> n.substring(prefix.length()))
                .findFirst().orElse("not usable");
        return "tutor: " + askedBy + ": OpenCL is not usable here, so the " + choice.backend().name()
                + " backend runs instead (" + choice.backend().description() + "). Why: " + why
                + ". `tutor doctor` shows the details.";
    }

    /** A path shown relative to the current directory when it is inside it. */
    public String relative(Path p) {
        Path cwd = Paths.get("").toAbsolutePath();
        Path a = p.toAbsolutePath().normalize();
        return a.startsWith(cwd) ? cwd.relativize(a).toString() : a.toString();
    }
}
