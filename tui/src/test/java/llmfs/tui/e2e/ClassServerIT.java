package llmfs.tui.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code tutor serve} end to end, with the real OpenSSH client against 127.0.0.1: learners log in with keys (or a
 * password, only when they have one), do an exercise in their own workspace, resize, drop the connection mid-lab;
 * wrong keys, commands, file transfer and forwarding are refused; a teacher sees the class.
 */
class ClassServerIT {
    private static Path root;
    private static Path classDir;
    private static Path keys;
    private static ClassServerProcess server;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startServer() throws Exception {
        root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        assumeTrue(Tmux.available(), "tmux is not installed (apt-get install tmux): class tests skipped");
        assumeTrue(ClassServerProcess.sshAvailable(), "the OpenSSH client is not installed (apt-get install "
                + "openssh-client): class tests skipped");
        keys = Files.createDirectories(tmp.resolve("keys"));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
        for (String who : new String[]{"ada", "bob", "tom", "eve"}) {
            ClassServerProcess.Result r = ClassServerProcess.exec(null, "ssh-keygen", "-q", "-t", "ed25519", "-N", "",
                    "-C", who + "@test", "-f", keys.resolve(who).toString());
            assertEquals(0, r.status(), r.output());
        }
        classDir = tmp.resolve("class");
        tutor(null, "class", "add-learner", "ada", "--key", keys.resolve("ada.pub").toString());
        tutor(null, "class", "add-learner", "bob", "--key", keys.resolve("bob.pub").toString());
        tutor("correct-horse-42\n", "class", "add-learner", "cy", "--password");
        tutor(null, "class", "add-teacher", "tom", "--key", keys.resolve("tom.pub").toString());
        assertFalse(Files.readString(classDir.resolve("learners/cy/password")).contains("correct-horse-42"),
                "only a hash is stored");
        server = ClassServerProcess.start(root, classDir);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(classDir.resolve("host-key"))));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
            System.out.println("The class server's log:\n" + server.log()); // kept in the failsafe report
        }
    }

    private static void tutor(String stdin, String... args) throws Exception {
        String[] cmd = new String[args.length + 3];
        cmd[0] = root.resolve("bin/tutor").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        cmd[args.length + 1] = "--class-dir";
        cmd[args.length + 2] = classDir.toString();
        ClassServerProcess.Result r = ClassServerProcess.exec(stdin, cmd);
        assertEquals(0, r.status(), String.join(" ", cmd) + " failed:\n" + r.output());
    }

    /** An interactive login in tmux; the window shows SSH-EXITED-<status> when ssh ends. */
    private static String login(String user, String keyOrNull, String extra) {
        String identity = keyOrNull == null ? "-o PubkeyAuthentication=no -o PreferredAuthentications=password"
                : "-i " + keys.resolve(keyOrNull);
        return "env LANG=C.UTF-8 TERM=xterm-256color ssh -t " + ClassServerProcess.sshOptions() + " " + identity + " "
                + extra + " -p " + server.port() + " " + user + "@127.0.0.1; echo SSH-EXITED-$?; sleep 600";
    }

    /** A non-interactive ssh run: {@code options} go before the destination, {@code command} after it. */
    private static ClassServerProcess.Result batch(String key, String user, List<String> options, String... command)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=30",
                "-i", keys.resolve(key).toString(), "-p", Integer.toString(server.port())));
        cmd.addAll(options);
        cmd.add(user + "@127.0.0.1");
        cmd.addAll(List.of(command));
        return ClassServerProcess.exec(null, cmd.toArray(new String[0]));
    }

    @Test
    void learnerLogsInWithAKeyPassesAnExerciseAndTheScreenFollowsResizes() throws Exception {
        Path ws = classDir.resolve("learners/ada/workspace");
        try (Tmux t = new Tmux().start(100, 30, login("ada", "ada", ""))) {
            t.awaitText("Course map", 60_000);
            assertTrue(t.screen().contains(ruleOf(100)), "the frame is as wide as the window:\n" + t.screen());
            ClassServerProcess.Result twice = batch("ada", "ada", List.of("-tt"));
            assertNotEquals(0, twice.status(), twice.output());
            assertTrue(twice.output().contains("already connected"), twice.output());
            t.keys("Enter");
            t.awaitText("Part 1 — Names", 30_000);
            t.keys("1");
            t.awaitText("Exercise 1.1", 30_000);
            t.keys("c");
            t.awaitText("✗", 120_000); // the untouched template fails
            Files.copy(root.resolve("exercises/solutions/part1/Vocabulary.java"), ws.resolve("part1/Vocabulary.java"),
                    StandardCopyOption.REPLACE_EXISTING);
            String passed = t.awaitText("Status: passed", 120_000);
            assertTrue(passed.contains("✓"), passed);
            assertTrue(Files.readString(ws.resolve("progress.txt")).contains("exercise 1.1 passed"));

            t.resize(120, 35);
            t.await("the frame to follow the window to 120 columns", 30_000, s -> s.contains(ruleOf(120)));
            t.resize(60, 15);
            t.awaitText("enlarge", 30_000);
            t.resize(100, 30);
            t.await("the frame back at 100 columns", 30_000, s -> s.contains(ruleOf(100)) && !s.contains(ruleOf(101)));

            t.keys("e"); // the tutor's own editor: no editor program (or any program) is started on the server
            t.awaitText("Editing Vocabulary.java", 30_000);
            t.keys("End", "x");
            t.awaitText("modified", 30_000);
            t.keys("BSpace", "C-s");
            t.awaitText("Saved Vocabulary.java", 30_000);
            t.keys("Escape");
            t.awaitText("Status: passed", 120_000); // the save starts a check: as long as any check may take
            t.keys("q");
            t.keys("q");
            t.keys("q");
            String end = t.awaitText("SSH-EXITED-", 30_000);
            assertTrue(end.contains("SSH-EXITED-0"), end);
        }
    }

    @Test
    void droppedConnectionStopsAndSavesTheRunningLab() throws Exception {
        Path ws = classDir.resolve("learners/bob/workspace");
        int seen;
        try (Tmux t = new Tmux().start(100, 30, login("bob", "bob", ""))) {
            t.awaitText("Course map", 60_000);
            t.keys("Enter");
            t.awaitText("Part 1 — Names", 30_000);
            t.keys("l");
            t.awaitText("Lab: Train the names model", 30_000);
            t.keys("f"); // the long run: still training when the connection drops
            seen = step(t.await("training steps", 120_000, s -> step(s) > 50));
            ProcessHandle ssh = sshClientIn(t).orElseThrow(() -> new AssertionError("no ssh process in the window"));
            ssh.destroyForcibly(); // the connection drops (SIGKILL: the client says goodbye to nobody)
            server.awaitLog("bob left", 60_000);
        }
        Pattern saved = Pattern.compile("\"step\": ([0-9]+)");
        Path sidecar = ws.resolve("checkpoints/names.json");
        long deadline = System.currentTimeMillis() + 60_000;
        int savedStep = -1;
        while (System.currentTimeMillis() < deadline && savedStep < seen) {
            if (Files.exists(sidecar)) {
                Matcher m = saved.matcher(Files.readString(sidecar));
                if (m.find()) savedStep = Integer.parseInt(m.group(1));
            }
            Thread.sleep(200);
        }
        assertTrue(savedStep >= seen, "the checkpoint should hold at least step " + seen + " (seen on screen), but holds "
                + savedStep);
        assertTrue(Files.readString(ws.resolve("progress.txt")).contains("lab names"), "progress.txt records the lab");
    }

    @Test
    void wrongKeysUnknownNamesCommandsFileTransferAndForwardingAreRefused() throws Exception {
        ClassServerProcess.Result wrongKey = batch("eve", "ada", List.of("-tt"));
        assertEquals(255, wrongKey.status(), wrongKey.output());
        assertTrue(wrongKey.output().contains("Permission denied"), wrongKey.output());

        ClassServerProcess.Result unknown = batch("eve", "eve", List.of("-tt"));
        assertEquals(255, unknown.status(), unknown.output());

        ClassServerProcess.Result traversal = batch("ada", "..", List.of("-tt"));
        assertEquals(255, traversal.status(), traversal.output());

        ClassServerProcess.Result command = batch("ada", "ada", List.of(), "cat", "/etc/passwd");
        assertNotEquals(0, command.status(), command.output());
        assertFalse(command.output().contains("root:"), command.output());

        ClassServerProcess.Result sftp = batch("ada", "ada", List.of("-s"), "sftp");
        assertNotEquals(0, sftp.status(), sftp.output());

        ClassServerProcess.Result forward = batch("ada", "ada", List.of("-N", "-o", "ExitOnForwardFailure=yes",
                "-R", "0:127.0.0.1:9"));
        assertEquals(255, forward.status(), forward.output());
        assertTrue(forward.output().contains("forwarding failed"), forward.output());

        ClassServerProcess.Result noTerminal = batch("ada", "ada", List.of("-T"));
        assertNotEquals(0, noTerminal.status(), noTerminal.output());
        assertTrue(noTerminal.output().contains("needs a terminal"), noTerminal.output());
    }

    /**
     * bob's exercise code reads a file in ada's workspace when its class loads; apart from that read it is the
     * reference solution, so it passes exactly when the read succeeds: without the check sandbox it would pass.
     */
    @Test
    void oneLearnersCodeCannotReadAnothersFiles() throws Exception {
        Path secret = classDir.resolve("learners/ada/workspace/notes.txt");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, "ADA-SECRET-7731");
        String solution = Files.readString(root.resolve("exercises/solutions/part1/Vocabulary.java"));
        String snoop = solution.replace("public final class Vocabulary {", "public final class Vocabulary {\n"
                + "    static final String SEEN = read();\n"
                + "    static String read() {\n"
                + "        try {\n"
                + "            return java.nio.file.Files.readString(java.nio.file.Path.of(\"" + secret + "\"));\n"
                + "        } catch (java.io.IOException e) {\n"
                + "            throw new IllegalStateException(\"could not read: \" + e);\n"
                + "        }\n"
                + "    }\n");
        assertNotEquals(solution, snoop);
        Path bobWs = classDir.resolve("learners/bob/workspace");
        try (Tmux t = new Tmux().start(100, 30, login("bob", "bob", ""))) {
            t.awaitText("Course map", 60_000);
            Files.writeString(bobWs.resolve("part1/Vocabulary.java"), snoop);
            t.keys("Enter");
            t.awaitText("Part 1 — Names", 30_000);
            t.keys("1");
            t.awaitText("Exercise 1.1", 30_000);
            t.keys("c");
            String verdict = t.awaitText("✗", 120_000);
            assertFalse(verdict.contains("ADA-SECRET-7731"), verdict);
            assertFalse(verdict.contains("Status: passed"), verdict);
            assertTrue(verdict.contains("not allowed"), "the sandbox names the refused file access:\n" + verdict);
            t.keys("q");
            t.keys("q");
            t.keys("q");
            t.awaitText("SSH-EXITED-", 30_000);
        }
        String progress = Files.readString(bobWs.resolve("progress.txt"));
        assertTrue(progress.contains("exercise 1.1 failed"), progress);
    }

    @Test
    void passwordLoginWorksOnlyForALearnerWhoHasOne() throws Exception {
        try (Tmux t = new Tmux().start(100, 30, login("cy", null, ""))) {
            t.awaitText("password:", 30_000);
            t.keys("correct-horse-42", "Enter");
            t.awaitText("Course map", 60_000);
            t.keys("q");
            t.awaitText("SSH-EXITED-0", 30_000);
        }
        try (Tmux t = new Tmux().start(100, 30, login("cy", null, ""))) {
            t.awaitText("password:", 30_000);
            t.keys("wrong-horse-42", "Enter");
            t.awaitText("Permission denied", 30_000);
        }
        // ada has keys but no password file: her name with any password is refused
        try (Tmux t = new Tmux().start(100, 30, login("ada", null, ""))) {
            t.awaitText("password:", 30_000);
            t.keys("correct-horse-42", "Enter");
            t.awaitText("Permission denied", 30_000);
            assertFalse(t.screen().contains("Course map"));
        }
    }

    @Test
    void teacherSeesTheClassStatusScreen() throws Exception {
        try (Tmux t = new Tmux().start(100, 30, login("tom", "tom", ""))) {
            String s = t.awaitText("Class status", 60_000);
            t.await("every learner listed", 30_000, x -> x.contains("ada") && x.contains("bob") && x.contains("cy"));
            assertTrue(s.contains("part 1") && s.contains("passed"), s);
            assertFalse(s.contains("Course map"), s);
            t.keys("q");
            t.awaitText("SSH-EXITED-0", 30_000);
        }
        ClassServerProcess.Result table = ClassServerProcess.exec(null, root.resolve("bin/tutor").toString(), "class",
                "status", "--class-dir", classDir.toString());
        assertEquals(0, table.status(), table.output());
        assertTrue(table.output().contains("learner") && table.output().contains("cy"), table.output());
    }

    private static String ruleOf(int n) {
        return "─".repeat(n);
    }

    /** The ssh client started in the tmux window (a child of the window's shell). */
    private static Optional<ProcessHandle> sshClientIn(Tmux t) throws Exception {
        long shell = t.panePid();
        return ProcessHandle.of(shell).stream().flatMap(ProcessHandle::descendants)
                .filter(p -> p.info().command().map(c -> c.endsWith("/ssh") || c.equals("ssh")).orElse(false))
                .findFirst();
    }

    private static final Pattern STEP = Pattern.compile("step ([0-9,]+)/");

    private static int step(String screen) {
        Matcher m = STEP.matcher(screen);
        return m.find() ? Integer.parseInt(m.group(1).replace(",", "")) : -1;
    }
}
