package llmfs.tui.cli;

import llmfs.tutor.Session;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Base of the commands that work on the learner's workspace: opens the session and reports its creation. */
abstract class SessionCommand implements Callable<Integer> {
    protected final GlobalOptions global = new GlobalOptions();

    @Override
    public final Integer call() throws Exception {
        try (Session s = Session.open(GlobalOptions.workspaceOpt)) {
            PrintWriter out = global.out();
            if (!s.created().isEmpty()) {
                out.println("Created your workspace in " + global.relative(s.workspace().dir()) + " ("
                        + s.created().size() + " exercise files).");
            }
            for (String w : s.progress().warnings()) out.println("Note: " + w);
            return run(s, out, Term.detect(global.interactive()));
        }
    }

    protected abstract int run(Session s, PrintWriter out, Term t) throws Exception;

    String rel(Path p) {
        return global.relative(p);
    }
}
