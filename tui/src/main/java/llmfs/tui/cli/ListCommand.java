package llmfs.tui.cli;

import llmfs.tutor.Session;
import llmfs.tutor.course.Exercise;
import llmfs.tutor.course.Part;
import llmfs.tutor.workspace.ExerciseState;
import llmfs.tutor.workspace.LabState;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Optional;

/** {@code tutor list}: every exercise with its status, part by part. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the exercises and your progress.")
public final class ListCommand extends SessionCommand {
    @Override
    protected int run(Session s, PrintWriter out, Term t) {
        for (Part p : s.course().parts()) {
            int passed = s.progress().passedCount(p);
            out.println(t.bold("Part " + p.id() + " — " + t.text(p.title())) + "  " + passed + "/" + p.exercises().size()
                    + " passed");
            for (Exercise e : p.exercises()) {
                ExerciseState st = s.progress().state(e.id());
                String mark = st.passed() ? t.ok() : st.attempts() > 0 ? t.bad() : t.dot();
                String tail = st.attempts() == 0 ? "" : t.dim(" (" + st.attempts() + " check" + (st.attempts() == 1 ? "" : "s")
                        + (st.hints() > 0 ? ", " + st.hints() + " hint" + (st.hints() == 1 ? "" : "s") : "") + ")");
                out.printf("  %s %-5s %-34s %s%s%n", mark, e.id(), t.text(e.title()), rel(s.workspace().file(e)), tail);
            }
            p.labSpec().ifPresent(lab -> {
                Optional<LabState> ls = s.progress().lab(lab.id());
                String state = ls.map(l -> "trained" + l.fact("step").map(x -> " to step " + x).orElse("")
                        + l.fact("valLoss").map(x -> ", val loss " + x).orElse("")).orElse("not trained yet");
                out.printf("  %s lab   %-34s %s%n", t.dot(), t.text(lab.title()), t.dim("tutor train " + lab.command()
                        + " — " + state));
            });
            out.println();
        }
        out.println(t.dim("tutor check ID checks one exercise; tutor hint ID shows a hint; bin/tutor opens the tutor."));
        return 0;
    }
}
