package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import llmfs.tui.app.KeyHint;
import llmfs.tui.app.Nav;
import llmfs.tui.app.TuiApp;
import llmfs.tui.app.View;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.Role;
import llmfs.tutor.course.Exercise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The learner's file beside the reference solution (shown only after a pass). Side by side on wide terminals;
 * on narrow ones {@code t} switches between the two.
 */
public final class SolutionView implements View {
    private static final int SIDE_BY_SIDE_MIN = 120;
    private final Exercise exercise;
    private final List<String> mine;
    private final List<String> reference;
    private int scroll;
    private boolean showMine;

    public SolutionView(UiContext ctx, Exercise exercise) {
        this.exercise = exercise;
        this.mine = read(ctx.session().workspace().file(exercise));
        this.reference = read(exercise.solution());
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            return List.of("(cannot read " + p + ": " + e.getMessage() + ")");
        }
    }

    @Override
    public String title() {
        return "Exercise " + exercise.id() + " › Reference solution";
    }

    @Override
    public void render(Canvas c, Caps caps) {
        int h = c.height() - 1;
        int rows = Math.max(mine.size(), reference.size());
        scroll = Math.max(0, Math.min(scroll, Math.max(0, rows - h)));
        if (c.width() >= SIDE_BY_SIDE_MIN) {
            int half = (c.width() - 3) / 2;
            c.put(1, 0, "Yours", Role.HEADING, true);
            c.put(half + 3, 0, "Reference", Role.HEADING, true);
            column(c, mine, 1, half, h);
            column(c, reference, half + 3, half, h);
            for (int y = 1; y <= h; y++) c.put(half + 1, y, caps.unicode() ? "│" : "|", Role.DIM);
        } else {
            c.put(1, 0, showMine ? "Yours (t: show the reference)" : "Reference (t: show yours)", Role.HEADING, true);
            column(c, showMine ? mine : reference, 1, c.width() - 2, h);
        }
    }

    private void column(Canvas c, List<String> lines, int x, int width, int h) {
        for (int i = 0; i < h && scroll + i < lines.size(); i++) {
            String l = lines.get(scroll + i).replace("\t", "    ");
            c.put(x, 1 + i, l.length() > width ? l.substring(0, Math.max(0, width - 1)) + "…" : l, Role.CODE);
        }
    }

    @Override
    public boolean onKey(KeyStroke key, Nav nav) {
        KeyType t = key.getKeyType();
        if (TuiApp.isChar(key, 't')) showMine = !showMine;
        else if (t == KeyType.ArrowDown || TuiApp.isChar(key, 'j')) scroll++;
        else if (t == KeyType.ArrowUp || TuiApp.isChar(key, 'k')) scroll = Math.max(0, scroll - 1);
        else if (t == KeyType.PageDown || TuiApp.isChar(key, ' ')) scroll += 15;
        else if (t == KeyType.PageUp) scroll = Math.max(0, scroll - 15);
        else return false;
        return true;
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(new KeyHint("↑↓ PgUp PgDn", "scroll"), new KeyHint("t", "yours/reference"));
    }
}
