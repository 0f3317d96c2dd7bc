package llmfs.tui.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code tutor class}: set up the people of a class served with {@code tutor serve}, and see how they are doing. */
@Command(name = "class", mixinStandardHelpOptions = true,
        description = {"Set up a class for 'tutor serve' and follow its progress.",
                "Examples:",
                "  tutor class add-learner ada --key ada.pub",
                "  tutor class add-learner bob --password          (asks for it; or pipe it on stdin)",
                "  tutor class add-teacher smith --key smith.pub   (logs in to the class-status screen)",
                "  tutor class status"},
        subcommands = {ClassAddLearnerCommand.class, ClassAddTeacherCommand.class, ClassStatusCommand.class})
public final class ClassCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "tutor class needs a command: add-learner, add-teacher or status");
    }
}
