package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import llmfs.tui.app.KeyHint;
import llmfs.tui.app.Nav;
import llmfs.tui.app.TuiApp;
import llmfs.tui.app.View;
import llmfs.tui.widgets.AsciiFold;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.Role;
import llmfs.tutor.Session;
import llmfs.tutor.check.Verdict;
import llmfs.tutor.course.Exercise;
import llmfs.tutor.course.Lesson;
import llmfs.tutor.course.TaskStatement;
import llmfs.tutor.workspace.ExerciseState;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An exercise: where its file is, its status, the last verdict in full, and the hints taken so far. Saving the file
 * in any editor re-checks it (the workspace is watched); {@code c} checks now, {@code e} opens $EDITOR.
 */
public final class ExerciseView implements View {
    private final UiContext ctx;
    private Exercise exercise;
    private int scroll;
    private boolean confirmReset;
    private long seen = -1;
    private int spinner;
    private List<String> task;

    public ExerciseView(UiContext ctx, Exercise exercise) {
        this.ctx = ctx;
        this.exercise = exercise;
    }

    private Session s() {
        return ctx.session();
    }

    @Override
    public String title() {
        return "Part " + exercise.partId() + " › Exercise " + exercise.id() + " " + exercise.title();
    }

    /** The body as (text, role, bold) lines before wrapping. */
    private record Line(String text, Role role, boolean bold) {}

    private List<Line> content(Caps caps) {
        List<Line> out = new ArrayList<>();
        ExerciseState st = s().progress().state(exercise.id());
        Path file = s().workspace().file(exercise);
        out.add(new Line("File:   " + display(file), Role.TEXT, false));
        out.add(new Line("Status: " + (st.passed() ? "passed" : st.attempts() > 0 ? "not passed yet" : "not started")
                + " · " + st.attempts() + " check" + (st.attempts() == 1 ? "" : "s") + " · " + st.hints() + " of "
                + exercise.hints().size() + " hints", st.passed() ? Role.GOOD : Role.TEXT, false));
        out.add(new Line((ctx.inClass() ? "Press e to edit the file here" : "Edit the file in your editor (or press e)")
                + "; saving it re-checks it. " + ctx.watchNote() + ".",
                Role.DIM, false));
        out.add(new Line("", Role.TEXT, false));
        Verdict v = ctx.verdict(exercise);
        // Before the first check the task comes first; once there is a verdict, the verdict does.
        boolean taskFirst = v == null && !ctx.isChecking(exercise);
        if (taskFirst) addTask(out);
        if (ctx.isChecking(exercise)) {
            String[] spin = caps.unicode() ? new String[]{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"} : new String[]{"|", "/", "-", "\\"};
            out.add(new Line(spin[spinner % spin.length] + " checking…", Role.WARN, true));
        } else if (v == null) {
            out.add(new Line("Not checked in this session yet: press c.", Role.DIM, false));
        } else {
            String mark = v.passed() ? (caps.unicode() ? "✓ " : "PASS ") : (caps.unicode() ? "✗ " : "FAIL ");
            out.add(new Line(mark + v.headline(), v.passed() ? Role.GOOD : Role.BAD, true));
            if (v.details() != null && !v.details().isBlank()) {
                for (String l : v.details().strip().split("\n", -1)) {
                    boolean bug = l.startsWith("Likely bug");
                    out.add(new Line("  " + l, bug ? Role.WARN : Role.TEXT, bug));
                }
            }
            if (v.learnerOutput() != null && !v.learnerOutput().isBlank()) {
                out.add(new Line("  Your code printed:", Role.DIM, false));
                for (String l : v.learnerOutput().strip().split("\n")) out.add(new Line("    " + l, Role.CODE, false));
            }
            out.add(new Line("  " + v.millis() + " ms" + (v.passed() ? "" : " · seed " + v.seed()), Role.DIM, false));
            if (v.passed()) {
                out.add(new Line("", Role.TEXT, false));
                out.add(new Line("Well done. s shows the reference solution beside yours; n goes to the next exercise.",
                        Role.GOOD, false));
            }
        }
        List<String> hints = s().shownHints(exercise);
        if (!hints.isEmpty()) {
            out.add(new Line("", Role.TEXT, false));
            out.add(new Line("Hints", Role.HEADING, true));
            for (int i = 0; i < hints.size(); i++) out.add(new Line((i + 1) + ". " + hints.get(i), Role.TEXT, false));
        }
        if (!taskFirst) {
            out.add(new Line("", Role.TEXT, false));
            addTask(out);
        }
        return out;
    }

    /** The task, from the template's comments, and which lesson it follows. */
    private void addTask(List<Line> out) {
        if (task == null) task = TaskStatement.of(exercise);
        out.add(new Line("Task", Role.HEADING, true));
        for (String l : task) out.add(new Line(l.startsWith(" ") ? "  " + l : l, l.startsWith(" ") ? Role.CODE : Role.TEXT, false));
        lesson().ifPresent(les -> out.add(new Line("Explained in lesson \"" + les.title() + "\" (press l).", Role.DIM, false)));
        out.add(new Line("", Role.TEXT, false));
    }

    /** The lesson this exercise follows, if course.json names one. */
    private Optional<Lesson> lesson() {
        if (exercise.afterLesson() == null) return Optional.empty();
        try {
            return Optional.of(s().course().lesson(exercise.afterLesson()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }

    @Override
    public void render(Canvas c, Caps caps) {
        List<Line> wrapped = new ArrayList<>();
        for (Line l : content(caps)) {
            String lead = l.text().substring(0, l.text().length() - l.text().stripLeading().length());
            String indent = lead.length() > 8 ? lead.substring(0, 8) : lead;
            for (String w : Text.wrap(AsciiFold.text(l.text(), caps.unicode()), c.width() - 4)) {
                wrapped.add(new Line(w.startsWith(indent) ? w : indent + w, l.role(), l.bold()));
            }
        }
        int h = c.height() - 1;
        scroll = Math.max(0, Math.min(scroll, Math.max(0, wrapped.size() - h)));
        for (int i = 0; i < h && scroll + i < wrapped.size(); i++) {
            Line l = wrapped.get(scroll + i);
            c.put(2, 1 + i, l.text(), l.role(), l.bold());
        }
        if (wrapped.size() > h) {
            c.put(c.width() - 12, 0, (scroll + 1) + "–" + Math.min(wrapped.size(), scroll + h) + "/" + wrapped.size(), Role.DIM);
        }
    }

    @Override
    public boolean onKey(KeyStroke key, Nav nav) {
        if (confirmReset) {
            confirmReset = false;
            if (TuiApp.isChar(key, 'y') || TuiApp.isChar(key, 'Y')) {
                Optional<Path> backup = s().workspace().reset(exercise);
                nav.flash("Reset to the template." + backup.map(b -> " Your version: " + b.getFileName()).orElse(""));
            } else {
                nav.flash("Reset cancelled.");
            }
            return true;
        }
        KeyType t = key.getKeyType();
        if (TuiApp.isChar(key, 'c')) {
            ctx.check(exercise);
        } else if (TuiApp.isChar(key, 'h')) {
            Session.Hint hint = s().nextHint(exercise);
            if (hint.last()) nav.flash("That was the last hint (" + hint.number() + " of " + hint.total() + ").");
            scroll = Integer.MAX_VALUE;
        } else if (TuiApp.isChar(key, 'e')) {
            if (ctx.inClass()) nav.push(new EditorView(ctx, exercise)); // no editor program is started on a server
            else edit(nav);
        } else if (TuiApp.isChar(key, 's')) {
            if (s().solutionUnlocked(exercise)) nav.push(new SolutionView(ctx, exercise));
            else nav.flash("The reference solution unlocks once your code passes (c to check, h for a hint).");
        } else if (TuiApp.isChar(key, 'r')) {
            if (s().workspace().isUntouched(exercise)) nav.flash("The file is already the untouched template.");
            else confirmReset = true;
        } else if (TuiApp.isChar(key, 'l')) {
            Optional<Lesson> les = lesson();
            if (les.isPresent()) nav.push(new LessonView(ctx, s().course().part(exercise.partId()), les.get()));
            else nav.flash("No lesson is linked to this exercise.");
        } else if (TuiApp.isChar(key, 'n')) {
            Optional<Exercise> next = s().course().next(exercise);
            if (next.isPresent()) {
                exercise = next.get();
                task = null;
                scroll = 0;
            } else {
                nav.flash("That was the last exercise; try the lab.");
            }
        } else if (t == KeyType.ArrowDown || TuiApp.isChar(key, 'j')) {
            scroll++;
        } else if (t == KeyType.ArrowUp || TuiApp.isChar(key, 'k')) {
            scroll = Math.max(0, scroll - 1);
        } else if (t == KeyType.PageDown || TuiApp.isChar(key, ' ')) {
            scroll += 10;
        } else if (t == KeyType.PageUp) {
            scroll = Math.max(0, scroll - 10);
        } else {
            return false;
        }
        return true;
    }

    /** Opens $VISUAL / $EDITOR (else nano, else vi) on the exercise file, then checks it. */
    private void edit(Nav nav) {
        String editor = System.getenv("VISUAL");
        if (editor == null || editor.isBlank()) editor = System.getenv("EDITOR");
        if (editor == null || editor.isBlank()) editor = onPath("nano") ? "nano" : "vi";
        String cmd = editor;
        Path file = s().workspace().file(exercise);
        String[] failure = new String[1];
        nav.suspendFor(() -> {
            try {
                List<String> argv = new ArrayList<>(List.of(cmd.trim().split("\\s+")));
                argv.add(file.toString());
                int rc = new ProcessBuilder(argv).inheritIO().start().waitFor();
                if (rc != 0) failure[0] = cmd + " exited with status " + rc;
            } catch (IOException e) {
                failure[0] = "could not start the editor '" + cmd + "' (" + e.getMessage() + "); set $EDITOR";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (failure[0] != null) nav.flash(failure[0]);
        ctx.check(exercise);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    @Override
    public boolean tick() {
        long now = ctx.changeCount();
        boolean busy = ctx.isChecking(exercise);
        if (busy) spinner++;
        if (now != seen || busy) {
            seen = now;
            return true;
        }
        return false;
    }

    @Override
    public String prompt() {
        return confirmReset ? "Reset " + exercise.fileName() + " to the template? Your version is kept as a .bak file. y/n"
                : null;
    }

    @Override
    public List<KeyHint> keys() {
        List<KeyHint> k = new ArrayList<>(List.of(new KeyHint("c", "check"), new KeyHint("h", "hint"),
                new KeyHint("e", "edit")));
        if (s().solutionUnlocked(exercise)) k.add(new KeyHint("s", "solution"));
        if (exercise.afterLesson() != null) k.add(new KeyHint("l", "lesson"));
        k.add(new KeyHint("n", "next"));
        k.add(new KeyHint("r", "reset"));
        return k;
    }
}
