package llmfs.tui.cli;

import llmfs.tutor.Session;
import llmfs.tutor.check.Verdict;
import llmfs.tutor.course.Exercise;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code tutor check ID} / {@code tutor check --all}: exit 0 when everything checked passed, 1 otherwise. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check your exercise file(s) against the reference.",
                "Exit status: 0 when every checked exercise passes, 1 when one fails, 2 on a usage error."})
public final class CheckCommand extends SessionCommand {
    @Parameters(arity = "0..1", paramLabel = "ID", description = "Exercise id, e.g. 1.2")
    String id;

    @Option(names = "--all", description = "Check every exercise in course order")
    boolean all;

    @Option(names = "--seed", paramLabel = "S", description = "Reuse the random inputs of an earlier run")
    Long seed;

    @Override
    protected int run(Session s, PrintWriter out, Term t) {
        if (all == (id != null)) {
            throw new IllegalArgumentException("give an exercise id (e.g. tutor check 1.2) or --all");
        }
        List<Exercise> todo = all ? s.course().exercises() : List.of(s.course().exercise(id));
        int passed = 0;
        List<String> failed = new ArrayList<>();
        for (Exercise e : todo) {
            Verdict v = seed == null ? s.checks().check(e) : s.checks().check(e, seed);
            out.print(VerdictFormat.format(e, v, t));
            out.flush();
            if (v.passed()) passed++;
            else failed.add(e.id());
        }
        if (todo.size() > 1) {
            out.println();
            out.println(passed + "/" + todo.size() + " passed" + (failed.isEmpty() ? "" : "; still to do: " + String.join(", ", failed)));
        } else if (passed == 0) {
            Exercise e = todo.get(0);
            out.println(t.dim("  Edit " + rel(s.workspace().file(e)) + " and check again; tutor hint " + e.id()
                    + " shows a hint."));
        }
        return failed.isEmpty() ? 0 : 1;
    }
}
