package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import llmfs.compute.analysis.Pca;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.nn.CharMlp;
import llmfs.compute.train.NamesTraining;
import llmfs.tui.app.KeyHint;
import llmfs.tui.app.Nav;
import llmfs.tui.app.TuiApp;
import llmfs.tui.app.View;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.Role;
import llmfs.tui.widgets.ScatterPlot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The learned character embeddings projected onto their two principal components: letters that the model uses
 * alike sit close together. Reads the model being trained right now, or else the saved checkpoint.
 */
public final class PcaView implements View {
    private final UiContext ctx;
    private final String labId;
    private ScatterPlot plot;
    private String message;
    private double explained;

    public PcaView(UiContext ctx, String labId) {
        this.ctx = ctx;
        this.labId = labId;
        load();
    }

    private void load() {
        float[] emb;
        String chars;
        UiContext.ActiveLab active = ctx.lab(labId);
        if (active != null && active.run().task() instanceof NamesTraining nt) {
            emb = nt.model().emb.weight.toArray();
            chars = nt.vocab().chars();
        } else {
            Path ck = ctx.session().workspace().dir().resolve("checkpoints").resolve("names.safetensors");
            if (!Files.exists(ck)) {
                message = "No trained model yet. Run the lab (Part 1 › Train the names model) and come back: the picture "
                        + "shows how the model arranged the 27 characters.";
                plot = null;
                return;
            }
            try {
                Checkpoint.Loaded l = Checkpoint.load(ck);
                emb = l.params().get("emb.weight");
                chars = l.sidecar().get("vocab").getAsString();
            } catch (RuntimeException e) {
                message = e.getMessage();
                plot = null;
                return;
            }
        }
        int rows = chars.length(), cols = emb.length / rows;
        Pca.Result r = Pca.fit(emb, rows, cols, 2);
        explained = r.explainedTotal();
        plot = new ScatterPlot()
                .xTitle(String.format(Locale.ROOT, "PC1 (%.1f%%)", 100 * r.explained()[0]))
                .yTitle(String.format(Locale.ROOT, "PC2 (%.1f%%)", 100 * r.explained()[1]));
        for (int i = 0; i < rows; i++) {
            char ch = chars.charAt(i);
            String group = ch == '.' ? "start/end '.'" : "aeiou".indexOf(ch) >= 0 ? "vowel" : "consonant";
            plot.add(r.coords()[i][0], r.coords()[i][1], String.valueOf(ch), group);
        }
        message = null;
    }

    @Override
    public String title() {
        return "Part 1 › Embeddings (PCA)";
    }

    @Override
    public void render(Canvas c, Caps caps) {
        if (plot == null) {
            Text.draw(c, caps, 2, 1, c.width() - 4, c.height(), message, Role.TEXT, false);
            return;
        }
        c.put(2, 0, String.format(Locale.ROOT, "Character embeddings, 2 principal components: %.1f%% of the variance "
                + "(the original course's run: about 39%%)", 100 * explained), Role.DIM);
        Canvas p = new Canvas(c.width() - 2, c.height() - 2);
        plot.render(p, caps);
        for (int y = 0; y < p.height(); y++) {
            for (int x = 0; x < p.width(); x++) c.set(1 + x, 1 + y, p.charAt(x, y), p.roleAt(x, y), p.boldAt(x, y));
        }
        c.put(2, c.height() - 1, "Letters used in similar contexts end up close together. Do the vowels cluster?", Role.DIM);
    }

    @Override
    public boolean onKey(KeyStroke key, Nav nav) {
        if (TuiApp.isChar(key, 'u')) {
            load();
            return true;
        }
        return false;
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(new KeyHint("u", "update"));
    }
}
