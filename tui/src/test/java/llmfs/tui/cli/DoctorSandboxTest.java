package llmfs.tui.cli;

import llmfs.tui.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tutor doctor} says which layers of the check sandbox are active. */
class DoctorSandboxTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        GlobalOptions.setOut(null);
    }

    @Test
    void namesEveryLayer() {
        StringWriter buf = new StringWriter();
        GlobalOptions.setOut(new PrintWriter(buf, true));
        assertEquals(0, Main.run("--workspace", tmp.resolve("ws").toString(), "doctor"));
        String out = buf.toString();
        assertTrue(out.contains("Sandbox:   compile-time API check: on"), out);
        assertTrue(out.contains("JVM limits: on (heap 256 MB, off-heap 32 MB"), out);
        assertTrue(out.matches("(?s).*OS isolation: (bubblewrap \\(no network, private filesystem.*|unavailable — .*|turned off.*)"), out);
        assertTrue(out.contains("time limits: each exercise's limit on CPU time plus time spent waiting"), out);
        assertTrue(out.contains("wall-clock backstop 60 s or 10x the limit"), out);
        assertTrue(out.matches("(?s).*OS task cap: (on \\(cgroup pids controller: at most 256 .*|unavailable — .*)"), out);
        assertTrue(out.contains("verdicts: sealed channel"), out);
    }
}
