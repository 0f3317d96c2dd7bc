package llmfs.tui.cli;

import llmfs.tutor.ProjectHome;
import llmfs.tutor.classroom.ClassFolder;
import llmfs.tutor.classroom.ClassStatus;
import llmfs.tutor.course.Course;
import llmfs.tui.widgets.Caps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.Callable;

/** {@code tutor class status}: every learner's progress, per part, as a table. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Every learner's progress per part: exercises passed of total, then the lab's validation",
                "loss once a model is saved; total passed, checks run and the last activity."})
public final class ClassStatusCommand implements Callable<Integer> {
    @Mixin
    ClassDirOption classDir;

    @Override
    public Integer call() {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        ClassFolder folder = classDir.folder();
        if (!Files.isDirectory(folder.dir())) {
            throw new IllegalArgumentException("no class folder at " + folder.dir()
                    + "; create it with: tutor class add-learner NAME --key FILE");
        }
        ClassStatus s = ClassStatus.read(folder, Course.load(ProjectHome.locate().exercises()));
        if (s.rows().isEmpty()) {
            out.println("No learners in " + folder.dir() + " yet: tutor class add-learner NAME --key FILE");
            return 0;
        }
        s.table(Caps.fromSystem().unicode()).forEach(out::println);
        return 0;
    }
}
