package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import llmfs.tui.app.KeyHint;
import llmfs.tui.app.Nav;
import llmfs.tui.app.View;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.ProgressBar;
import llmfs.tui.widgets.Role;
import llmfs.tutor.course.Part;

import java.util.ArrayList;
import java.util.List;

/** The first screen: every part of the course with its progress. */
public final class CourseMapView implements View {
    /** The whole journey, so a learner sees where the available parts lead. */
    private static final String[] OUTLINE = {
            "Names: a character-level MLP", "Tiny Shakespeare: the same model, new data", "A BPE tokenizer from scratch",
            "Self-attention and a small GPT", "Instruction tuning (SFT)", "Preference alignment (DPO)",
            "A model of Python code"};

    private final UiContext ctx;
    private final Menu menu = new Menu();
    private Nav nav;

    public CourseMapView(UiContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String title() {
        return "Course map";
    }

    private void rebuild() {
        List<Menu.Entry> list = new ArrayList<>();
        List<Part> parts = ctx.session().course().parts();
        for (int id = 1; id <= OUTLINE.length; id++) {
            Part p = find(parts, id);
            String name = (id == 7 ? "Bonus " : "Part " + id) + "  ";
            if (p == null) {
                list.add(new Menu.Entry(" ", Role.DIM, name + OUTLINE[id - 1], "coming in a later version", Role.DIM,
                        () -> nav.flash("This part is not in this version of the tutor yet.")));
            } else {
                int done = ctx.session().progress().passedCount(p), total = p.exercises().size();
                String bar = ProgressBar.render(12, total == 0 ? 0 : (double) done / total, "", ctx.caps().unicode()).strip();
                Role r = done == total && total > 0 ? Role.GOOD : done > 0 ? Role.WARN : Role.TEXT;
                list.add(new Menu.Entry(done == total && total > 0 ? (ctx.caps().unicode() ? "✓" : "+") : " ", Role.GOOD,
                        name + p.title(), bar + " " + done + "/" + total, r, () -> nav.push(new PartView(ctx, p))));
            }
        }
        menu.set(list);
    }

    private static Part find(List<Part> parts, int id) {
        for (Part p : parts) if (p.id() == id) return p;
        return null;
    }

    @Override
    public void render(Canvas c, Caps caps) {
        rebuild();
        int y = 1;
        c.put(2, y++, ctx.session().course().title(), Role.HEADING, true);
        y = Text.draw(c, caps, 2, y, c.width() - 4, y + 2, "Build a language model from the ground up: each part has "
                + "lessons to read, exercises to fill in, and a lab that trains the part's model.", Role.DIM, false);
        y++;
        int listRows = Math.min(OUTLINE.length, c.height() - y - 5);
        menu.render(c, caps, y, listRows);
        y += listRows + 1;
        List<Part> parts = ctx.session().course().parts();
        int sel = menu.cursor();
        Part p = sel >= 0 ? find(parts, sel + 1) : null;
        if (p != null) Text.draw(c, caps, 2, y, c.width() - 4, c.height() - 1, p.summary(), Role.TEXT, false);
        c.put(2, c.height() - 1, "Workspace " + ctx.session().workspace().dir() + " · " + ctx.watchNote(), Role.DIM);
    }

    @Override
    public boolean onKey(KeyStroke key, Nav nav) {
        this.nav = nav;
        rebuild();
        return menu.onKey(key);
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(new KeyHint("↑↓", "move"), new KeyHint("Enter", "open"));
    }
}
