package llmfs.tui.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher {@code bin/tutor} with bad surroundings: a C locale with a non-ASCII workspace path, an invalid
 * {@code TUTOR_JAVA_OPTS}, a workspace that cannot be created. Each gets a working tutor or one line saying what is
 * wrong, never a stack trace or the JVM's own error lines.
 */
class LauncherIT {
    private static Path root;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findLauncherAndBuild() throws Exception {
        root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        assertTrue(Files.isExecutable(root.resolve("bin/tutor")), "the launcher bin/tutor is missing at " + root);
        // Let the launcher build the project first if it wants to, so the runs below see only their own output.
        Process p = new ProcessBuilder(root.resolve("bin/tutor").toString(), "--version").directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) p.destroyForcibly();
    }

    /** What one run of the launcher did. */
    private record Ran(int code, String out, String err) {}

    private Ran run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(root.resolve("bin/tutor").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("TUTOR_JAVA_OPTS"));
        pb.environment().putAll(env);
        pb.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) { // the first run may build the project
            p.destroyForcibly();
            throw new AssertionError("bin/tutor " + String.join(" ", args) + " did not finish");
        }
        return new Ran(p.exitValue(), Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void aNonAsciiWorkspaceWorksUnderTheCLocale() throws Exception {
        Path ws = tmp.resolve("cours-é").resolve("ws");
        Ran r = run(Map.of("LC_ALL", "C"), "--workspace", ws.toString(), "list");
        assumeTrue(!r.err().contains("Malformed input") || hasCUtf8(),
                "this machine has no C.UTF-8 locale for the launcher to switch to");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(ws.resolve("part1/Vocabulary.java")), "the workspace was created: " + r.out());
        assertTrue(r.out().contains("cours-é"), "the path is printed as it is: " + r.out());
    }

    @Test
    void anInvalidTutorJavaOptsIsNamed() throws Exception {
        Ran r = run(Map.of("TUTOR_JAVA_OPTS", "-Xmx2g -Xfoo"), "list", "--workspace", tmp.resolve("ws").toString());
        assertEquals(2, r.code());
        assertEquals("tutor: TUTOR_JAVA_OPTS is not valid: Unrecognized option: -Xfoo (TUTOR_JAVA_OPTS=\"-Xmx2g -Xfoo\")",
                r.err().strip());
        assertFalse(Files.exists(tmp.resolve("ws")), "nothing ran");

        Ran ok = run(Map.of("TUTOR_JAVA_OPTS", "-Xmx1g"), "list", "--workspace", tmp.resolve("ws").toString());
        assertEquals(0, ok.code(), "valid options still work: " + ok.err());
    }

    @Test
    void aWorkspaceThatCannotBeCreatedIsOneLine() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        Ran r = run(Map.of("LANG", "C.UTF-8"), "list", "--workspace", file.resolve("ws").toString());
        assertEquals(2, r.code());
        assertEquals("tutor: cannot create the folder " + file.resolve("ws") + ": " + file
                + " is a file, not a folder; choose another --workspace", r.err().strip());
    }

    private static boolean hasCUtf8() {
        try {
            Process p = new ProcessBuilder("locale", "-a").redirectErrorStream(true).start();
            String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return all.lines().anyMatch(l -> l.equalsIgnoreCase("C.utf8") || l.equalsIgnoreCase("C.UTF-8"));
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
