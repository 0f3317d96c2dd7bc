package llmfs.tutor;

import llmfs.compute.data.Corpora;
import llmfs.tutor.check.CheckService;
import llmfs.tutor.course.Course;
import llmfs.tutor.course.Exercise;
import llmfs.tutor.workspace.Progress;
import llmfs.tutor.workspace.Workspace;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a learner's session needs, opened once: the project folder, the course, the workspace (created on
 * first use), the progress file, and the checking service (started lazily, since compiling and the check process
 * are only needed once something is checked). The CLI commands and the text UI both work through this.
 */
public final class Session implements AutoCloseable {
    private final ProjectHome home;
    private final Course course;
    private final Workspace workspace;
    private final Progress progress;
    private final List<Path> created;
    private CheckService checks;

    private Session(ProjectHome home, Course course, Workspace workspace, Progress progress, List<Path> created) {
        this.home = home;
        this.course = course;
        this.workspace = workspace;
        this.progress = progress;
        this.created = created;
    }

    /**
     * Opens the session for the workspace chosen by {@code --workspace} (null: {@code $TUTOR_WORKSPACE}, then
     * {@code ./workspace}), creating it and copying missing templates.
     */
    public static Session open(String workspaceOption) {
        ProjectHome home = ProjectHome.locate();
        Course course = Course.load(home.exercises());
        Workspace ws = Workspace.locate(workspaceOption);
        List<Path> created = ws.ensureCreated(course);
        Progress progress = Progress.load(ws.progressFile());
        return new Session(home, course, ws, progress, created);
    }

    public ProjectHome home() {
        return home;
    }

    public Course course() {
        return course;
    }

    public Workspace workspace() {
        return workspace;
    }

    public Progress progress() {
        return progress;
    }

    /** Templates copied into the workspace when this session opened (empty when it already existed). */
    public List<Path> created() {
        return created;
    }

    public Corpora corpora() {
        return new Corpora(home.corpora());
    }

    /** The checking service, started on first use. */
    public synchronized CheckService checks() {
        if (checks == null) checks = CheckService.create(workspace, progress);
        return checks;
    }

    /** Starts the compiler and a check process in the background, so the first check is quick. */
    public void warmUp() {
        checks().warmUp();
    }

    /** The next hint for {@code e} (recording that it was shown): number, total and text. */
    public Hint nextHint(Exercise e) {
        int shown = progress.state(e.id()).hints();
        int n = Math.min(shown + 1, e.hints().size());
        if (shown < e.hints().size()) progress.recordHint(e.id());
        return new Hint(n, e.hints().size(), e.hints().get(n - 1));
    }

    /** The hints shown so far for {@code e}, in order. */
    public List<String> shownHints(Exercise e) {
        int shown = Math.min(progress.state(e.id()).hints(), e.hints().size());
        return e.hints().subList(0, shown);
    }

    /** Whether the reference solution may be shown: only after the learner's own code has passed. */
    public boolean solutionUnlocked(Exercise e) {
        return progress.state(e.id()).passed();
    }

    /** A hint: the {@code number}-th of {@code total}. */
    public record Hint(int number, int total, String text) {
        public boolean last() {
            return number == total;
        }
    }

    @Override
    public synchronized void close() {
        if (checks != null) checks.close();
    }
}
