package llmfs.tui.cli;

import llmfs.tutor.Session;
import llmfs.tutor.course.Exercise;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

/** {@code tutor hint ID}: the next hint, each a little more concrete than the last. */
@Command(name = "hint", mixinStandardHelpOptions = true,
        description = "Show the next hint for an exercise (hints get more concrete each time).")
public final class HintCommand extends SessionCommand {
    @Parameters(paramLabel = "ID", description = "Exercise id, e.g. 1.2")
    String id;

    @Override
    protected int run(Session s, PrintWriter out, Term t) {
        Exercise e = s.course().exercise(id);
        Session.Hint h = s.nextHint(e);
        out.println(t.bold("Hint " + h.number() + " of " + h.total() + " for " + e.id() + " " + t.text(e.title())) + ":");
        out.println("  " + t.text(h.text()));
        if (h.last()) out.println(t.dim("  That was the last hint. After your code passes, tutor solution " + e.id()
                + " shows the reference."));
        return 0;
    }
}
