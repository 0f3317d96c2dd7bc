package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import llmfs.tui.app.KeyHint;
import llmfs.tui.app.Nav;
import llmfs.tui.app.View;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.ProgressBar;
import llmfs.tui.widgets.Role;

import java.util.List;
import java.util.Locale;

/**
 * Part 3's compression table: character-level BPE learned from Tiny Shakespeare at several vocabulary sizes
 * (trained in the background, with progress), and how many tokens the whole text becomes with each.
 */
public final class CompressionView implements View {
    private final CompressionStudy study;
    private int shownRows = -1;
    private boolean shownDone;

    public CompressionView(UiContext ctx) {
        this(ctx, ctx.compression());
    }

    /** A view of a given study (tests use a text of their own). */
    CompressionView(UiContext ctx, CompressionStudy study) {
        this.study = study;
    }

    @Override
    public String title() {
        return "Part 3 › Compression table";
    }

    @Override
    public void render(Canvas c, Caps caps) {
        int w = c.width();
        int y = 1;
        List<CompressionStudy.Row> rows = study.rows();
        String size = rows.isEmpty() ? "" : String.format(Locale.ROOT, " (%,d characters)", rows.get(0).chars());
        c.put(2, y++, "How much does BPE shrink Tiny Shakespeare" + size + "?", Role.HEADING, true);
        y++;
        String header = String.format(Locale.ROOT, "%8s  %7s  %11s  %11s  %10s", "vocab", "merges", "tokens",
                "chars/token", "train time");
        c.put(4, y++, header, Role.HEADING, true);
        c.put(4, y++, (caps.unicode() ? "─" : "-").repeat(header.length()), Role.DIM);
        for (CompressionStudy.Row r : rows) {
            boolean course = r.vocab() == 300;
            String line = String.format(Locale.ROOT, "%8s  %,7d  %,11d  %11.2f  %10s",
                    String.format(Locale.ROOT, "%,d", r.vocab()), r.merges(), r.tokens(), r.charsPerToken(),
                    r.merges() == 0 ? "-" : String.format(Locale.ROOT, "%.2f s", r.seconds()));
            c.put(4, y, line, course ? Role.ACCENT : Role.TEXT, course);
            if (r.merges() == 0) c.put(4 + line.length() + 2, y, "characters only", Role.DIM);
            if (course) c.put(4 + line.length() + 2, y, c.width() - line.length() - 6 >= 22 ? "the course's tokenizer" : "the course's", Role.DIM);
            y++;
        }
        y++;
        if (study.error() != null) {
            y = Text.draw(c, caps, 2, y, w - 4, c.height(), "Could not finish: " + study.error(), Role.BAD, false);
        } else if (!study.done()) {
            c.put(2, y++, ProgressBar.render(Math.min(w - 4, 76), study.fraction(), study.status(), caps.unicode()),
                    Role.ACCENT);
            y++;
        }
        String note = "The original course learned 235 merges (vocab 300) and got 578,590 tokens: a compression of "
                + "1.93×, so a 32-token context covers about 62 characters. Each extra merge joins a rarer pair, so the "
                + "gains shrink as the vocabulary grows, while the model's embedding and output layers grow with it.";
        Text.draw(c, caps, 2, y, w - 4, c.height(), note, Role.DIM, false);
    }

    @Override
    public boolean onKey(KeyStroke key, Nav nav) {
        return false;
    }

    @Override
    public boolean tick() {
        int n = study.rows().size();
        boolean done = study.done();
        boolean changed = n != shownRows || done != shownDone || !done;
        shownRows = n;
        shownDone = done;
        return changed;
    }

    @Override
    public List<KeyHint> keys() {
        return List.of();
    }
}
