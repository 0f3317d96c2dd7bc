package llmfs.tui.e2e;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small run of the class load test ({@code tutor bench serve}): five learners over SSH at once, each checking an
 * exercise with a known right verdict (half pass, half fail). Only correctness is asserted; the latency figures
 * belong in docs/performance.md, measured on a quiet machine.
 */
class ServeBenchIT {
    @Test
    void fiveConcurrentLearnersAllGetTheRightVerdict() throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        assertTrue(Files.isExecutable(root.resolve("bin/tutor")), "the launcher bin/tutor is missing at " + root);
        ClassServerProcess.Result r = ClassServerProcess.exec(null, root.resolve("bin/tutor").toString(), "bench",
                "serve", "--sessions", "5", "--seconds", "20");
        assertEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("verdicts right: 5 of 5"), r.output());
        assertTrue(r.output().contains("keystroke to screen"), r.output());
    }
}
