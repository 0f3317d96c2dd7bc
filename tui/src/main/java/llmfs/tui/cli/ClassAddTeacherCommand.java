package llmfs.tui.cli;

import llmfs.tutor.classroom.ClassFolder;
import picocli.CommandLine.Command;

/** {@code tutor class add-teacher NAME --key FILE [--password]}. */
@Command(name = "add-teacher", mixinStandardHelpOptions = true,
        description = {"Let NAME log in to the class server as a teacher: they see the live class-status screen",
                "(every learner's progress) instead of the course."})
public final class ClassAddTeacherCommand extends ClassAddMember {
    @Override
    ClassFolder.Role role() {
        return ClassFolder.Role.TEACHER;
    }
}
