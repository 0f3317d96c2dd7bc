package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import llmfs.tui.app.KeyHint;
import llmfs.tui.app.Nav;
import llmfs.tui.app.View;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.Role;
import llmfs.tutor.course.LabSpec;
import llmfs.tutor.lab.Labs;
import llmfs.tutor.lab.ModelSizes;

import java.util.List;

/**
 * The lab's model sizes (block, embedding, hidden), the same as {@code tutor train --block --emb --hidden}: pick a
 * field with the arrows, type a number, Enter saves for the next run of this session. Invalid sizes are refused
 * with the reason, and the screen stays open.
 */
public final class LabSettingsView implements View {
    private static final String[] LABELS = {"block  (context length)", "emb    (embedding width)", "hidden (hidden units)"};
    private final UiContext ctx;
    private final LabSpec spec;
    private final ModelSizes course;
    private final String[] values = new String[3];
    private int field;
    private String error;

    public LabSettingsView(UiContext ctx, LabSpec spec) {
        this.ctx = ctx;
        this.spec = spec;
        this.course = Labs.courseSizes(spec.command());
        ModelSizes now = ctx.labSizes(spec.id());
        values[0] = String.valueOf(now.block() != null ? now.block() : course.block());
        values[1] = String.valueOf(now.emb() != null ? now.emb() : course.emb());
        values[2] = String.valueOf(now.hidden() != null ? now.hidden() : course.hidden());
    }

    @Override
    public String title() {
        return "Lab: " + spec.title() + " › Model sizes";
    }

    @Override
    public void render(Canvas c, Caps caps) {
        int y = Text.draw(c, caps, 2, 1, c.width() - 4, c.height(), "The next run of this lab trains a model with"
                + " these sizes (the course's: " + course.describe(0, 0, 0) + "). A bigger model learns more and"
                + " memorises sooner; a run with other sizes starts over, and the saved model is kept as a numbered"
                + " run.", Role.TEXT, false) + 1;
        for (int i = 0; i < 3; i++) {
            boolean on = i == field;
            c.put(2, y, (on ? "> " : "  ") + LABELS[i], on ? Role.ACCENT : Role.TEXT, on);
            c.put(30, y, values[i] + (on ? "_" : ""), on ? Role.ACCENT : Role.TEXT, on);
            y++;
        }
        y++;
        if (error != null) Text.draw(c, caps, 2, y, c.width() - 4, c.height(), error, Role.BAD, true);
        else c.put(2, y, "Up/Down: field · digits: type · Backspace: delete · d: course sizes · Enter: save", Role.DIM);
    }

    @Override
    public boolean onKey(KeyStroke key, Nav nav) {
        KeyType t = key.getKeyType();
        Character ch = key.getCharacter();
        if (t == KeyType.ArrowDown || t == KeyType.Tab) field = (field + 1) % 3;
        else if (t == KeyType.ArrowUp || t == KeyType.ReverseTab) field = (field + 2) % 3;
        else if (t == KeyType.Backspace) {
            if (!values[field].isEmpty()) values[field] = values[field].substring(0, values[field].length() - 1);
        } else if (t == KeyType.Character && ch != null && Character.isDigit(ch)) {
            if (values[field].length() < 6) values[field] += ch;
        } else if (t == KeyType.Character && ch != null && ch == 'd') {
            values[0] = String.valueOf(course.block());
            values[1] = String.valueOf(course.emb());
            values[2] = String.valueOf(course.hidden());
            error = null;
        } else if (t == KeyType.Enter) {
            save(nav);
        } else {
            return false;
        }
        return true;
    }

    private void save(Nav nav) {
        ModelSizes chosen;
        try {
            int b = number("block", values[0]), e = number("emb", values[1]), h = number("hidden", values[2]);
            chosen = new ModelSizes(b == course.block() ? null : b, e == course.emb() ? null : e,
                    h == course.hidden() ? null : h);
            chosen.validate(course.block(), course.emb(), course.hidden(), Labs.maxBlock(spec.command()));
        } catch (IllegalArgumentException ex) {
            error = ex.getMessage();
            return;
        }
        ctx.setLabSizes(spec.id(), chosen);
        nav.flash("Model sizes for the next run: " + chosen.describe(course.block(), course.emb(), course.hidden()));
        nav.back();
    }

    private static int number(String name, String text) {
        if (text.isEmpty()) throw new IllegalArgumentException(name + " needs a number");
        return Integer.parseInt(text); // at most 6 digits, so it fits
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(new KeyHint("Enter", "save"), new KeyHint("d", "course sizes"), new KeyHint("Esc", "cancel"));
    }
}
