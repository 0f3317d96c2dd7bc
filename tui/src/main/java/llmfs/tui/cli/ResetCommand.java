package llmfs.tui.cli;

import llmfs.tutor.Session;
import llmfs.tutor.course.Exercise;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** {@code tutor reset ID}: the template back in place, the learner's version kept as a backup. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Put an exercise's template back in your workspace.",
                "Your current file is kept next to it as <file>.bak-<date-time>."})
public final class ResetCommand extends SessionCommand {
    @Parameters(paramLabel = "ID", description = "Exercise id, e.g. 1.2")
    String id;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation")
    boolean yes;

    @Override
    protected int run(Session s, PrintWriter out, Term t) {
        Exercise e = s.course().exercise(id);
        Path file = s.workspace().file(e);
        if (s.workspace().isUntouched(e)) {
            out.println(rel(file) + " is already the untouched template; nothing to reset.");
            return 0;
        }
        if (!yes) {
            if (!llmfs.tui.Tty.stdio()) {
                throw new IllegalArgumentException("reset asks for confirmation on a terminal; add --yes to reset "
                        + rel(file) + " without asking");
            }
            String answer = System.console().readLine("Reset %s to the template? Your version is kept as a backup. [y/N] ",
                    rel(file));
            if (answer == null || !answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                out.println("Left " + rel(file) + " as it is.");
                return 0;
            }
        }
        Optional<Path> backup = s.workspace().reset(e);
        out.println("Reset " + rel(file) + " to the template." + backup.map(b -> " Your version is in " + rel(b) + ".")
                .orElse(""));
        return 0;
    }
}
