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
import llmfs.tutor.classroom.ClassFolder;
import llmfs.tutor.classroom.ClassStatus;
import llmfs.tutor.course.Course;

import java.util.List;
import java.util.function.Supplier;

/**
 * The teacher's screen on the class server: every learner's progress per part (as {@code tutor class status}
 * prints it), re-read every few seconds, with a live line of who is connected and how busy the shared check and
 * lab slots are.
 */
public final class ClassStatusView implements View {
    private static final long REFRESH_MS = 3_000;

    private final ClassFolder folder;
    private final Course course;
    private final Supplier<String> live;
    private final Caps caps;
    private List<String> table = List.of();
    private String error;
    private long readAt;
    private int scroll;

    public ClassStatusView(ClassFolder folder, Course course, Supplier<String> live, Caps caps) {
        this.folder = folder;
        this.course = course;
        this.live = live;
        this.caps = caps;
        reload();
    }

    private void reload() {
        try {
            ClassStatus s = ClassStatus.read(folder, course);
            table = s.rows().isEmpty() ? List.of() : s.table(caps.unicode());
            error = null;
        } catch (RuntimeException e) {
            error = "Could not read the class folder: " + e.getMessage();
        }
        readAt = System.currentTimeMillis();
    }

    @Override
    public String title() {
        return "Class status";
    }

    @Override
    public void render(Canvas c, Caps caps) {
        int w = c.width();
        c.put(2, 1, fit(AsciiFold.text(live.get(), caps.unicode()), w - 4), Role.ACCENT);
        if (error != null) {
            c.put(2, 3, fit(error, w - 4), Role.BAD, true);
            return;
        }
        if (table.isEmpty()) {
            c.put(2, 3, "No learners yet. Add one with: tutor class add-learner NAME --key FILE", Role.TEXT);
            return;
        }
        c.put(2, 3, fit(table.get(0), w - 4), Role.HEADING, true);
        c.put(2, 4, fit(table.get(1), w - 4), Role.DIM);
        int h = c.height() - 7;
        List<String> rows = table.subList(2, table.size());
        scroll = Math.max(0, Math.min(scroll, Math.max(0, rows.size() - h)));
        for (int i = 0; i < h && scroll + i < rows.size(); i++) {
            c.put(2, 5 + i, fit(rows.get(scroll + i), w - 4), Role.TEXT);
        }
        c.put(2, c.height() - 1, fit("Parts: exercises passed of total, then the lab's validation loss once a "
                + "model is saved. Learners: " + rows.size() + ".", w - 4), Role.DIM);
    }

    private static String fit(String s, int width) {
        if (width <= 0) return "";
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
    }

    @Override
    public boolean onKey(KeyStroke key, Nav nav) {
        KeyType t = key.getKeyType();
        if (TuiApp.isChar(key, 'r')) reload();
        else if (t == KeyType.ArrowDown || TuiApp.isChar(key, 'j')) scroll++;
        else if (t == KeyType.ArrowUp || TuiApp.isChar(key, 'k')) scroll = Math.max(0, scroll - 1);
        else if (t == KeyType.PageDown || TuiApp.isChar(key, ' ')) scroll += 10;
        else if (t == KeyType.PageUp) scroll = Math.max(0, scroll - 10);
        else return false;
        return true;
    }

    @Override
    public boolean tick() {
        if (System.currentTimeMillis() - readAt >= REFRESH_MS) {
            reload();
            return true;
        }
        return false;
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(new KeyHint("↑↓", "scroll"), new KeyHint("r", "refresh now"));
    }
}
