package llmfs.tui.cli;

import llmfs.tutor.classroom.ClassFolder;
import picocli.CommandLine.Command;

/** {@code tutor class add-learner NAME --key FILE [--password]}. */
@Command(name = "add-learner", mixinStandardHelpOptions = true,
        description = {"Let NAME log in to the class server and take the course in a workspace of their own.",
                "Run it again to add more keys or to change the password."})
public final class ClassAddLearnerCommand extends ClassAddMember {
    @Override
    ClassFolder.Role role() {
        return ClassFolder.Role.LEARNER;
    }
}
