package llmfs.tui.cli;

import llmfs.tui.serve.ClassServer;
import llmfs.tutor.ProjectHome;
import llmfs.tutor.classroom.ClassFolder;
import llmfs.tutor.classroom.FairUse;
import llmfs.tutor.course.Course;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code tutor serve}: host a class over SSH. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Host a class: an SSH server whose only service is the tutor. Each learner logs in with",
                "'ssh -p PORT NAME@HOST' and gets the full-screen tutor in a workspace of their own",
                "(CLASS-DIR/learners/NAME/workspace); teachers get the class-status screen. No shell, no file",
                "transfer, no forwarding. Add people first with 'tutor class add-learner'. Ctrl-C stops the",
                "server; running labs stop after their current step and are saved."})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    ClassDirOption classDir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "2222", description = "TCP port (default 2222)")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = {"Address to listen on (default 127.0.0.1: this machine only;",
                    "0.0.0.0 to let the room connect)"})
    String bind;

    @Option(names = "--max-checks", paramLabel = "N",
            description = "Checks running at once across the class (default: one per core)")
    Integer maxChecks;

    @Option(names = "--max-labs", paramLabel = "N",
            description = "Lab trainings at once across the class (default: one per two cores; 0 turns labs off)")
    Integer maxLabs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        ClassFolder folder = classDir.folder();
        Course course = Course.load(ProjectHome.locate().exercises());
        FairUse.Limits d = FairUse.Limits.forCores(Runtime.getRuntime().availableProcessors());
        FairUse.Limits limits = new FairUse.Limits(maxChecks == null ? d.checks() : maxChecks,
                maxLabs == null ? d.labs() : maxLabs, d.maxWaitMs());
        ClassServer server = new ClassServer(folder, course, new FairUse(limits), bind, port,
                line -> out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + line));
        try {
            server.start();
        } catch (java.io.IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.net.BindException) {
                    throw new IllegalArgumentException("cannot listen on " + bind + ":" + port + " (" + t.getMessage()
                            + "): is another server using that port? Pick another with --port.");
                }
            }
            throw e;
        }
        int learners = folder.learners().size(), teachers = folder.teachers().size();
        out.println("Class server on " + bind + ":" + server.port() + " — class folder " + folder.dir());
        out.println("  " + learners + " learner" + (learners == 1 ? "" : "s") + ", " + teachers + " teacher"
                + (teachers == 1 ? "" : "s") + (learners + teachers == 0 ? " (add them: tutor class add-learner NAME --key FILE)" : ""));
        out.println("  host key " + server.fingerprint() + " (" + folder.hostKey() + ")");
        out.println("  checks at once: " + limits.checks() + ", labs at once: " + limits.labs());
        out.println("  learners connect with: ssh -p " + server.port() + " NAME@" + ("0.0.0.0".equals(bind) ? "THIS-HOST" : bind));
        out.println("Ctrl-C stops the server (running labs are saved).");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping: closing every session and saving running labs...");
            server.stop(20_000);
            stopped.countDown();
        }, "stop-class-server"));
        stopped.await();
        return 0;
    }
}
