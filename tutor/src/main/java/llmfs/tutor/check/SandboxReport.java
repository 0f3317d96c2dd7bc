package llmfs.tutor.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which layers of the check sandbox are active on this machine, in words, for {@code tutor doctor}.
 */
public final class SandboxReport {
    private SandboxReport() {
    }

    /** One line per layer: the compile-time API check, the JVM limits and the OS isolation. */
    public static List<String> lines() {
        CheckRunner.Options o = CheckRunner.Options.defaults();
        OsIsolation os = OsIsolation.detect();
        String files = Files.isExecutable(Path.of("/usr/bin/prlimit"))
                ? ", files up to " + CheckRunner.Options.FILE_MB + " MB" : ", file size unlimited (prlimit missing)";
        return List.of(
                "compile-time API check: on (files, processes, network, reflection, threads and native code are refused)",
                "JVM limits: on (heap " + o.heapMb() + " MB, off-heap " + CheckRunner.Options.DIRECT_MB
                        + " MB, " + CheckChild.THREAD_CAP + " threads, 4 KB of output" + files + ")",
                "OS isolation: " + os.description()
                        + (os.active() || !os.required() ? "" : " — checks will fail (" + OsIsolation.ENV + "=required)"),
                "verdicts: sealed channel (Unix socket, per-process key, HMAC-SHA256); learner output cannot forge them");
    }
}
