package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import llmfs.tui.app.KeyHint;
import llmfs.tui.app.Nav;
import llmfs.tui.app.View;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.Role;
import llmfs.tutor.check.Verdict;
import llmfs.tutor.course.Exercise;
import llmfs.tutor.course.LabSpec;
import llmfs.tutor.course.Lesson;
import llmfs.tutor.course.Part;
import llmfs.tutor.lab.Lab;
import llmfs.tutor.lab.Labs;
import llmfs.tutor.workspace.ExerciseState;

import java.util.ArrayList;
import java.util.List;

/** One part: its lessons, exercises (with status) and lab, in course order. */
public final class PartView implements View {
    private final UiContext ctx;
    private final Part part;
    private final Menu menu = new Menu();
    private Nav nav;
    private long seen = -1;

    public PartView(UiContext ctx, Part part) {
        this.ctx = ctx;
        this.part = part;
    }

    @Override
    public String title() {
        return "Part " + part.id() + " " + part.title();
    }

    private void rebuild() {
        boolean u = ctx.caps().unicode();
        List<Menu.Entry> list = new ArrayList<>();
        if (!part.lessons().isEmpty()) list.add(Menu.Entry.heading("Lessons"));
        int n = 1;
        for (Lesson l : part.lessons()) {
            boolean read = ctx.session().progress().lessonRead(l.id());
            String number = String.valueOf(n++);
            list.add(new Menu.Entry(read ? (u ? "✓" : "+") : number, read ? Role.GOOD : Role.DIM, l.title(),
                    read ? "read" : "", Role.DIM, () -> nav.push(new LessonView(ctx, part, l))));
        }
        list.add(Menu.Entry.heading("Exercises"));
        for (Exercise e : part.exercises()) {
            ExerciseState st = ctx.session().progress().state(e.id());
            Verdict v = ctx.verdict(e);
            String mark = st.passed() ? (u ? "✓" : "+") : st.attempts() > 0 ? (u ? "✗" : "x") : (u ? "·" : "-");
            Role role = st.passed() ? Role.GOOD : st.attempts() > 0 ? Role.BAD : Role.DIM;
            String status = ctx.isChecking(e) ? "checking…" : st.passed() ? "passed"
                    : st.attempts() > 0 ? "not yet (" + st.attempts() + " check" + (st.attempts() == 1 ? "" : "s") + ")" : "to do";
            if (v != null && !v.passed() && st.passed()) status = "passed (last check failed)";
            list.add(new Menu.Entry(mark, role, e.id() + "  " + e.title(), status, role,
                    () -> nav.push(new ExerciseView(ctx, e))));
        }
        part.labSpec().ifPresent(lab -> {
            list.add(Menu.Entry.heading("Lab"));
            String state = ctx.session().progress().lab(lab.id())
                    .map(l -> l.fact("valLoss").map(x -> "trained · val " + x).orElse("trained")).orElse("not trained yet");
            if (ctx.lab(lab.id()) != null && ctx.lab(lab.id()).run().isRunning()) state = "training…";
            list.add(new Menu.Entry(u ? "▶" : ">", Role.ACCENT, lab.title(), state, Role.DIM,
                    () -> nav.push(new LabView(ctx, part, lab))));
            Lab known = known(lab.command());
            if (known != null) {
                for (Lab.Extra extra : known.extras()) extraEntry(list, extra, lab, u);
            }
        });
        menu.set(list);
    }

    /** The registered lab behind a course.json lab entry, or null for one this version does not know. */
    private static Lab known(String command) {
        try {
            return Labs.get(command);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The menu line for one of a lab's extra screens. */
    private void extraEntry(List<Menu.Entry> list, Lab.Extra extra, LabSpec lab, boolean u) {
        String mark = u ? "◆" : "*";
        switch (extra) {
            case EMBEDDINGS -> list.add(new Menu.Entry(mark, Role.ACCENT, "The learned embeddings (PCA picture)", "",
                    Role.DIM, () -> nav.push(new PcaView(ctx, lab.id()))));
            case COMPRESSION_TABLE -> list.add(new Menu.Entry(mark, Role.ACCENT, "Compression table",
                    "vocab 100 to 4,096", Role.DIM, () -> nav.push(new CompressionView(ctx))));
            case TOKENIZER_PLAYGROUND -> list.add(new Menu.Entry(mark, Role.ACCENT, "Tokenizer playground",
                    "type and see tokens", Role.DIM, () -> nav.push(new TokenizerPlaygroundView(ctx))));
            case CODE_BENCH -> list.add(new Menu.Entry(mark, Role.ACCENT, "Test bench: pass@k of the saved model",
                    "compile and test samples", Role.DIM, () -> nav.push(new CodeBenchView(ctx))));
            case ATTENTION_EXPLORER -> list.add(new Menu.Entry(mark, Role.ACCENT, "Attention explorer",
                    "type and see every head", Role.DIM, () -> nav.push(new AttentionExplorerView(ctx))));
            case POSITIONAL_ENCODING -> list.add(new Menu.Entry(mark, Role.ACCENT, "Positional encoding",
                    "the sin/cos table", Role.DIM, () -> nav.push(new PositionalEncodingView())));
        }
    }

    @Override
    public void render(Canvas c, Caps caps) {
        rebuild();
        int y = 1;
        c.put(2, y++, "Part " + part.id() + " — " + part.title(), Role.HEADING, true);
        // The summary gets more rows on a tall terminal; the list below scrolls either way.
        int summaryRows = Math.max(2, Math.min(8, c.height() - 20));
        y = Text.draw(c, caps, 2, y, c.width() - 4, y + summaryRows, part.summary(), Role.DIM, false) + 1;
        menu.render(c, caps, y, c.height() - y);
    }

    @Override
    public boolean onKey(KeyStroke key, Nav nav) {
        this.nav = nav;
        rebuild();
        Character ch = key.getCharacter();
        if (key.getKeyType() == com.googlecode.lanterna.input.KeyType.Character && ch != null) {
            // Shortcuts: a digit opens that exercise of the part, l opens the lab.
            if (ch >= '1' && ch <= '9') {
                int n = ch - '1';
                if (n < part.exercises().size()) nav.push(new ExerciseView(ctx, part.exercises().get(n)));
                else nav.flash("Part " + part.id() + " has " + part.exercises().size() + " exercises.");
                return true;
            }
            if (ch == 'l' && part.labSpec().isPresent()) {
                nav.push(new LabView(ctx, part, part.labSpec().get()));
                return true;
            }
        }
        return menu.onKey(key);
    }

    @Override
    public boolean tick() {
        long now = ctx.changeCount();
        if (now != seen) {
            seen = now;
            return true;
        }
        return false;
    }

    @Override
    public List<KeyHint> keys() {
        return part.labSpec().isPresent()
                ? List.of(new KeyHint("↑↓", "move"), new KeyHint("Enter", "open"), new KeyHint("1-" + part.exercises().size(), "exercise"), new KeyHint("l", "lab"))
                : List.of(new KeyHint("↑↓", "move"), new KeyHint("Enter", "open"), new KeyHint("1-" + part.exercises().size(), "exercise"));
    }
}
