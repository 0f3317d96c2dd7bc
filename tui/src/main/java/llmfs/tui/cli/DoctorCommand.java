package llmfs.tui.cli;

import llmfs.compute.backend.BackendChooser;
import llmfs.compute.kernel.Parallel;
import llmfs.compute.kernel.Simd;
import llmfs.tutor.ProjectHome;
import llmfs.tutor.check.SandboxReport;
import llmfs.tutor.workspace.Workspace;
import llmfs.tui.widgets.Caps;
import picocli.CommandLine.Command;

import javax.tools.ToolProvider;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code tutor doctor}: what this machine offers the tutor, and which compute backend it picked and why. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Show the JDK, cores, SIMD, OpenCL devices, the chosen compute backend (and why) and the check sandbox's layers.")
public final class DoctorCommand implements Callable<Integer> {
    private final GlobalOptions global = new GlobalOptions();

    @Override
    public Integer call() {
        PrintWriter out = global.out();
        row(out, "Java", Runtime.version() + " (" + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home"));
        row(out, "Compiler", ToolProvider.getSystemJavaCompiler() != null ? "javac available (exercises can be checked)"
                : "MISSING — this is a JRE; install a JDK so the tutor can compile your exercises");
        row(out, "Cores", Runtime.getRuntime().availableProcessors() + " (compute threads: " + Parallel.threads() + ")");
        row(out, "SIMD", Simd.describe());
        for (String line : OpenClReport.lines()) row(out, "OpenCL", line);
        String device = GlobalOptions.deviceOpt;
        if (device == null || device.isBlank()) device = System.getenv("TUTOR_DEVICE");
        if (device == null || device.isBlank()) device = "auto";
        try {
            BackendChooser.Choice c = BackendChooser.choose(device);
            row(out, "Backend", c.backend().name() + " — " + c.backend().description() + "  [--device " + device + "]");
            for (String note : c.notes()) row(out, "", note);
            c.backend().close();
        } catch (RuntimeException e) {
            row(out, "Backend", "cannot use --device " + device + ": " + e.getMessage());
        }
        try {
            ProjectHome home = ProjectHome.locate();
            row(out, "Project", home.root().toString());
        } catch (RuntimeException e) {
            row(out, "Project", "not found: " + e.getMessage());
        }
        for (String line : SandboxReport.lines()) row(out, "Sandbox", line);
        row(out, "Workspace", Workspace.locate(GlobalOptions.workspaceOpt).dir().toString());
        Caps caps = Caps.fromSystem();
        row(out, "Terminal", "TERM=" + System.getenv("TERM") + ", unicode " + (caps.unicode() ? "yes" : "no")
                + ", colour " + (caps.colour() ? "yes" : "no") + (llmfs.tui.Tty.stdio() ? "" : ", output is not a terminal"));
        out.flush();
        return 0;
    }

    private static void row(PrintWriter out, String key, String value) {
        out.printf("%-10s %s%n", key.isEmpty() ? "" : key + ":", value);
    }
}
