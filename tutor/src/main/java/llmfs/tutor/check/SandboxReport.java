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

    /** One line per layer: the compile-time API check, the JVM limits, the time limits and the OS isolation. */
    public static List<String> lines() {
        CheckRunner.Options o = CheckRunner.Options.defaults();
        OsIsolation os = OsIsolation.detect();
        String files = Files.isExecutable(Path.of("/usr/bin/prlimit"))
                ? ", files up to " + CheckRunner.Options.FILE_MB + " MB" : ", file size unlimited (prlimit missing)";
        return List.of(
                "compile-time API check: on (files, processes, network, reflection, threads and native code are refused)",
                "JVM limits: on (heap " + o.heapMb() + " MB, off-heap " + CheckRunner.Options.DIRECT_MB
                        + " MB, " + CheckChild.THREAD_CAP + " threads, 4 KB of output" + files + ")",
                timeLimits(o, CheckClock.processCpuNanos() >= 0),
                "OS task cap: " + TaskCap.detect().description(),
                "OS isolation: " + os.description()
                        + (os.active() || !os.required() ? "" : " — checks will fail (" + OsIsolation.ENV + "=required)"),
                "verdicts: sealed channel (Unix socket, per-process key, HMAC-SHA256); learner output cannot forge them");
    }

    /** How a check's time is limited: on CPU time where the JDK reports it, else on wall time. */
    static String timeLimits(CheckRunner.Options o, boolean cpuTime) {
        String backstop = "wall-clock backstop " + o.wallMs(1) / 1000 + " s or " + CheckRunner.Options.WALL_PER_CPU
                + "x the limit";
        return cpuTime
                ? "time limits: each exercise's limit on CPU time plus time spent waiting, so a busy machine gives no "
                + "false time-outs; " + backstop
                : "time limits: on wall time (this JDK does not report CPU time), so a busy machine can cause time-outs";
    }
}
