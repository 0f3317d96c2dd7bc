package llmfs.tui.cli;

import llmfs.tutor.Session;
import llmfs.tutor.check.Verdict;
import llmfs.tutor.course.Exercise;
import llmfs.tutor.watch.Watcher;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/** {@code tutor watch}: re-checks an exercise every time its file is saved, until Ctrl-C. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Watch your workspace and re-check each exercise file when you save it (Ctrl-C stops).")
public final class WatchCommand extends SessionCommand {
    @Override
    protected int run(Session s, PrintWriter out, Term t) throws Exception {
        s.warmUp();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        try (Watcher w = Watcher.start(s.workspace(), s.course(), e -> recheck(s, e, out, t))) {
            out.println("Watching " + rel(s.workspace().dir()) + " (" + w.mode().toString().toLowerCase(java.util.Locale.ROOT)
                    + "). Save an exercise file to check it; Ctrl-C stops.");
            out.flush();
            stop.await();
        }
        return 0;
    }

    private synchronized void recheck(Session s, Exercise e, PrintWriter out, Term t) {
        out.println(t.dim("— " + java.time.LocalTime.now().withNano(0) + " " + rel(s.workspace().file(e)) + " changed"));
        Verdict v = s.checks().check(e);
        out.print(VerdictFormat.format(e, v, t));
        out.flush();
    }
}
