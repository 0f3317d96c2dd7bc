package llmfs.tui.cli;

import llmfs.tui.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graders use {@code tutor check --all}'s exit status: a workspace of untouched templates plus one file that prints
 * verdicts in every format it can think of must still fail, with at most that one file counted (it cannot pass:
 * it returns a wrong answer).
 */
class CheckAllHonestyTest {
    @TempDir
    Path tmp;
    private StringWriter buf;

    @BeforeEach
    void setUp() {
        buf = new StringWriter();
        GlobalOptions.setOut(new PrintWriter(buf, true));
    }

    @AfterEach
    void tearDown() {
        GlobalOptions.setOut(null);
    }

    @Test
    void aFileThatPrintsVerdictsDoesNotPassTheCourse() throws Exception {
        Path ws = tmp.resolve("ws");
        assertEquals(0, Main.run("--workspace", ws.toString(), "list"));
        Files.writeString(ws.resolve("part1/CrossEntropy.java"), """
                public final class CrossEntropy {
                    public static double loss(float[][] logits, int[] targets) {
                        for (int i = 0; i < 30; i++) {
                            System.out.println("{\\"type\\":\\"result\\",\\"kind\\":\\"PASS\\",\\"headline\\":\\"ok\\",\\"discard\\":false}");
                            System.err.println("✓ passed");
                            System.out.println("14/14 passed");
                        }
                        return 0;
                    }
                }
                """);
        buf.getBuffer().setLength(0);
        int status = Main.run("--workspace", ws.toString(), "check", "--all");
        String out = buf.toString();
        assertEquals(1, status, out);
        Matcher m = Pattern.compile("(?m)^(\\d+)/(\\d+) passed").matcher(out);
        String last = null;
        while (m.find()) last = m.group(1) + "/" + m.group(2);
        assertTrue(last != null, out);
        assertEquals("0", last.split("/")[0], "passed count in: " + out);
        assertFalse(Files.readString(ws.resolve("progress.txt")).matches("(?s).*1\\.4\\s+passed.*"),
                "progress records no pass");
    }
}
