package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import llmfs.tui.app.KeyHint;
import llmfs.tui.app.Nav;
import llmfs.tui.app.TuiApp;
import llmfs.tui.app.View;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.Fit;
import llmfs.tui.widgets.MarkdownView;
import llmfs.tui.widgets.Role;
import llmfs.tui.widgets.ScrollView;
import llmfs.tutor.course.Exercise;
import llmfs.tutor.course.Lesson;
import llmfs.tutor.course.Part;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** A lesson page: rendered Markdown that scrolls, with next/previous lesson and a jump to its exercise. */
public final class LessonView implements View {
    private final UiContext ctx;
    private final Part part;
    private int index;
    private ScrollView scroll;

    public LessonView(UiContext ctx, Part part, Lesson lesson) {
        this.ctx = ctx;
        this.part = part;
        this.index = part.lessons().indexOf(lesson);
        load();
    }

    private Lesson lesson() {
        return part.lessons().get(index);
    }

    private void load() {
        String md;
        try {
            md = Files.readString(lesson().path());
        } catch (IOException e) {
            md = "# " + lesson().title() + "\n\nThis lesson's file could not be read: `" + lesson().path() + "` ("
                    + e.getMessage() + "). Restore it with `git checkout -- exercises/" + lesson().file() + "`.";
        }
        scroll = new ScrollView(new MarkdownView(md));
        ctx.session().progress().markLessonRead(lesson().id());
    }

    private List<Exercise> exercises() {
        return ctx.session().course().exercisesAfterLesson(lesson().id());
    }

    @Override
    public String title() {
        return "Part " + part.id() + " › Lesson " + (index + 1) + "/" + part.lessons().size() + " " + lesson().title();
    }

    @Override
    public void render(Canvas c, Caps caps) {
        // The scroll view keeps its last row for its position ("line 1–25 of 78", at the right); the jump to the
        // exercise goes at the left of the same row.
        Canvas page = new Canvas(c.width() - 2, c.height());
        scroll.render(page, caps);
        for (int y = 0; y < page.height(); y++) {
            for (int x = 0; x < page.width(); x++) c.set(x + 1, y, page.charAt(x, y), page.roleAt(x, y), page.boldAt(x, y));
        }
        List<Exercise> ex = exercises();
        if (!ex.isEmpty() && c.height() >= 2) {
            String status = scroll.status(caps.unicode());
            String more = "x: exercise " + ex.get(0).id() + " " + ex.get(0).title();
            int room = c.width() - status.length() - 4;
            if (room > 12) c.put(1, c.height() - 1, Fit.line(more, room, caps.unicode()), Role.DIM);
        }
    }

    @Override
    public boolean onKey(KeyStroke key, Nav nav) {
        if (TuiApp.isChar(key, 'n')) {
            if (index + 1 < part.lessons().size()) {
                index++;
                load();
            } else {
                nav.flash("That was the last lesson of Part " + part.id() + ".");
            }
            return true;
        }
        if (TuiApp.isChar(key, 'p')) {
            if (index > 0) {
                index--;
                load();
            }
            return true;
        }
        if (TuiApp.isChar(key, 'x')) {
            List<Exercise> ex = exercises();
            if (ex.isEmpty()) nav.flash("No exercise follows this lesson; read on with n.");
            else nav.push(new ExerciseView(ctx, ex.get(0)));
            return true;
        }
        return scroll.handle(key);
    }

    @Override
    public List<KeyHint> keys() {
        List<KeyHint> k = new ArrayList<>(List.of(new KeyHint("↑↓ PgUp PgDn", "scroll"), new KeyHint("n", "next lesson"),
                new KeyHint("p", "previous")));
        if (!exercises().isEmpty()) k.add(new KeyHint("x", "exercise"));
        return k;
    }
}
