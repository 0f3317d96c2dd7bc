package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import llmfs.tui.app.KeyHint;
import llmfs.tui.app.TuiApp;
import llmfs.tui.app.Nav;
import llmfs.tui.app.View;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.Role;
import llmfs.tutor.course.LabSpec;
import llmfs.tutor.lab.LabRuns;
import llmfs.tutor.lab.Labs;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A lab's saved runs side by side (sizes, seed, steps, final and best losses), the same table as {@code tutor runs};
 * Enter makes the selected run the current model again (the current one is kept first).
 */
public final class LabRunsView implements View {
    private final UiContext ctx;
    private final LabSpec spec;
    private final BooleanSupplier training;
    private int cursor;

    public LabRunsView(UiContext ctx, LabSpec spec, BooleanSupplier training) {
        this.ctx = ctx;
        this.spec = spec;
        this.training = training;
    }

    @Override
    public String title() {
        return "Lab: " + spec.title() + " › Runs";
    }

    private LabRuns runs() {
        return LabRuns.of(Labs.checkpoint(spec.command(), null, ctx.session().workspace().dir()));
    }

    @Override
    public void render(Canvas c, Caps caps) {
        LabRuns runs = runs();
        List<LabRuns.Run> kept = runs.list();
        Optional<LabRuns.Run> current = runs.current();
        int y = 1;
        if (current.isEmpty() && kept.isEmpty()) {
            Text.draw(c, caps, 2, y, c.width() - 4, c.height(), "No saved model yet. Each time you train this lab"
                    + " again over a saved model, that model is kept here as a numbered run.", Role.TEXT, false);
            return;
        }
        c.put(2, y++, String.format(Locale.ROOT, "  %-7s %-15s %5s %8s %7s %7s %14s", "run", "block/emb/hid",
                "seed", "steps", "train", "val", "best val"), Role.DIM);
        if (current.isPresent()) c.put(2, y++, "  " + line(current.get()), Role.TEXT, true);
        cursor = Math.min(cursor, Math.max(0, kept.size() - 1));
        int first = Math.max(0, cursor - (c.height() - y - 3));
        for (int i = first; i < kept.size() && y < c.height() - 2; i++) {
            boolean on = i == cursor;
            c.put(2, y++, (on ? "> " : "  ") + line(kept.get(i)), on ? Role.ACCENT : Role.TEXT, on);
        }
        y++;
        String help = kept.isEmpty() ? "Runs are kept when you train again over the saved model."
                : "Enter: make the selected run current (the current model is kept as a run first).";
        Text.draw(c, caps, 2, Math.min(y, c.height() - 2), c.width() - 4, c.height(), help, Role.DIM, false);
    }

    private static String line(LabRuns.Run r) {
        String sizes = r.setting("block").orElse("?") + "/" + r.setting("embDim").orElse("?") + "/"
                + r.setting("hidden").orElse("?");
        String best = LabRuns.loss(r.bestValLoss()) + (r.bestValStep().isPresent()
                ? String.format(Locale.ROOT, " @%,d", (long) r.bestValStep().getAsDouble()) : "");
        return String.format(Locale.ROOT, "%-7s %-15s %5s %,8d %7s %7s %14s",
                r.isCurrent() ? "current" : "#" + r.number(), sizes, r.setting("seed").orElse("?"), r.step(),
                LabRuns.loss(r.trainLoss()), LabRuns.loss(r.valLoss()), best);
    }

    @Override
    public boolean onKey(KeyStroke key, Nav nav) {
        KeyType t = key.getKeyType();
        List<LabRuns.Run> kept = runs().list();
        if (t == KeyType.ArrowDown || TuiApp.isChar(key, 'j')) cursor = Math.min(cursor + 1, Math.max(0, kept.size() - 1));
        else if (t == KeyType.ArrowUp || TuiApp.isChar(key, 'k')) cursor = Math.max(0, cursor - 1);
        else if (t == KeyType.Enter) {
            if (kept.isEmpty()) return true;
            if (training.getAsBoolean()) {
                nav.flash("The lab is training: stop it (s) before you switch models.");
                return true;
            }
            use(kept.get(cursor).number(), nav);
        } else return false;
        return true;
    }


    private void use(int n, Nav nav) {
        try {
            LabRuns.Run now = runs().use(n);
            Path ws = ctx.session().workspace().dir();
            ctx.session().progress().markLab(spec.id(), ws.relativize(now.tensors()).toString(), now.step(),
                    now.trainLoss().orElse(Double.NaN), now.valLoss().orElse(Double.NaN));
            nav.flash("Run " + n + " is the current model again (t on the lab screen talks to it).");
        } catch (RuntimeException e) {
            nav.flash("Could not switch: " + e.getMessage());
        }
    }

    @Override
    public boolean tick() {
        return false;
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(new KeyHint("Enter", "make current"), new KeyHint("Esc", "back"));
    }
}
