package llmfs.tui.cli;

import llmfs.tutor.Session;
import llmfs.tutor.course.Exercise;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;

/** {@code tutor solution ID}: the reference solution, once the learner's own code has passed. */
@Command(name = "solution", mixinStandardHelpOptions = true,
        description = "Show the reference solution of an exercise you have passed.")
public final class SolutionCommand extends SessionCommand {
    @Parameters(paramLabel = "ID", description = "Exercise id, e.g. 1.2")
    String id;

    @Override
    protected int run(Session s, PrintWriter out, Term t) throws Exception {
        Exercise e = s.course().exercise(id);
        if (!s.solutionUnlocked(e)) {
            out.println("The reference solution of " + e.id() + " unlocks once your own code passes: tutor check "
                    + e.id() + ". Stuck? tutor hint " + e.id() + ".");
            return 1;
        }
        out.println(t.bold("Reference solution of " + e.id() + " " + t.text(e.title())) + t.dim("  (" + e.file() + ")"));
        out.println();
        out.print(Files.readString(e.solution()));
        return 0;
    }
}
