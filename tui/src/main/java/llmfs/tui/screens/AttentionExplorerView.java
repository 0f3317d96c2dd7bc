package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import llmfs.compute.Rng;
import llmfs.compute.Tape;
import llmfs.compute.io.CheckpointException;
import llmfs.compute.io.ModelCheckpoints;
import llmfs.compute.nn.Gpt;
import llmfs.compute.nn.TransformerBlock;
import llmfs.compute.text.CharVocab;
import llmfs.compute.text.CourseVocab;
import llmfs.tui.app.KeyHint;
import llmfs.tui.app.Nav;
import llmfs.tui.app.View;
import llmfs.tui.widgets.AsciiFold;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.Heatmap;
import llmfs.tui.widgets.Role;
import llmfs.tutor.lab.Labs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Part 4's attention explorer: the learner types a line and sees, for one layer and head at a time, how much each
 * character (a row) attends to each earlier character (a column) in the saved GPT — or in an untrained one, which
 * shows what training changes. Rows are queries, columns keys; the upper triangle is empty because of the mask.
 */
public final class AttentionExplorerView implements View {
    static final String EXAMPLE = "ROMEO:\\nBut soft, what light";

    private final Gpt model;
    private final CharVocab vocab;
    private final String source;
    private final StringBuilder input = new StringBuilder(EXAMPLE);
    private int layer;
    private int head;
    private String computedFor;
    private float[][] weights; // per layer: [heads * T * T]
    private String shownText = "";

    public AttentionExplorerView(UiContext ctx) {
        Path ck = Labs.checkpoint("gpt", null, ctx.session().workspace().dir());
        Gpt m = null;
        String src;
        if (Files.isRegularFile(ck)) {
            try {
                m = ModelCheckpoints.load(ck).gpt();
                src = "the saved model (" + ctx.session().workspace().dir().relativize(ck) + ")";
            } catch (CheckpointException e) {
                src = "an untrained model: the saved one could not be loaded (" + e.getMessage() + ")";
            }
        } else {
            src = "an untrained model (train the lab to see what it learns)";
        }
        if (m == null) m = new Gpt(Gpt.Config.course(CourseVocab.shakespeare().size()), new Rng(42));
        m.train(false);
        this.model = m;
        this.vocab = CourseVocab.shakespeare();
        this.source = src;
    }

    @Override
    public String title() {
        return "Part 4 › Attention explorer";
    }

    String input() {
        return input.toString();
    }

    int layer() {
        return layer;
    }

    int head() {
        return head;
    }

    /** The attention weights of the current layer and head for the typed text: rows are queries. */
    double[][] matrix() {
        compute();
        int t = shownText.length();
        double[][] m = new double[t][t];
        float[] w = weights[layer];
        for (int i = 0; i < t; i++) for (int j = 0; j < t; j++) m[i][j] = w[(head * t + i) * t + j];
        return m;
    }

    /** Runs the model on the last {@code context} characters of the input, keeping every layer's weights. */
    private void compute() {
        String text = input.toString().replace("\\n", "\n");
        if (text.equals(computedFor)) return;
        computedFor = text;
        int ctx = model.cfg.context();
        shownText = text.length() > ctx ? text.substring(text.length() - ctx) : text;
        weights = new float[model.cfg.layers()][];
        if (shownText.isEmpty()) {
            for (int l = 0; l < weights.length; l++) weights[l] = new float[0];
            return;
        }
        int[] ids = vocab.encode(shownText);
        for (TransformerBlock b : model.blocks) b.attn.keepWeights(true);
        try (var off = Tape.noGrad()) {
            model.forward(ids, 1, ids.length);
        } finally {
            for (TransformerBlock b : model.blocks) b.attn.keepWeights(false);
        }
        for (int l = 0; l < weights.length; l++) weights[l] = model.blocks.get(l).attn.lastWeights().clone();
    }

    @Override
    public void render(Canvas c, Caps caps) {
        int w = c.width(), y = 1;
        y = Text.draw(c, caps, 2, y, w - 4, c.height(), "Type a line (\\n is a line break). Each row is a character"
                + " of it, each column an earlier one: the darker the cell, the more the row's character takes from"
                + " the column's. Model: " + source + ".", Role.DIM, false) + 1;
        String shown = input.toString();
        int room = w - 7;
        if (shown.length() > room) shown = (caps.unicode() ? "…" : "~") + shown.substring(shown.length() - room + 1);
        c.put(2, y, ">", Role.ACCENT, true);
        int x = c.put(4, y, AsciiFold.text(shown, caps.unicode()), Role.TEXT, true);
        c.put(x, y, caps.unicode() ? "▏" : "_", Role.ACCENT, true);
        y += 2;
        compute();
        String where = String.format(Locale.ROOT, "layer %d of %d · head %d of %d", layer + 1, model.cfg.layers(),
                head + 1, model.cfg.heads());
        if (input.length() > 0 && shownText.length() < input.toString().replace("\\n", "\n").length()) {
            where += " · the last " + model.cfg.context() + " characters (the model's context)";
        }
        c.put(2, y++, AsciiFold.text(where, caps.unicode()), Role.HEADING, true);
        if (shownText.isEmpty()) {
            c.put(2, y, "Nothing typed yet.", Role.DIM);
            return;
        }
        List<String> labels = new ArrayList<>();
        for (char ch : shownText.toCharArray()) labels.add(String.valueOf(ch));
        Heatmap map = new Heatmap(matrix()).rowLabels(labels).columnLabels(labels).range(0, 1);
        Canvas sub = new Canvas(w - 4, Math.max(3, c.height() - y));
        map.render(sub, caps);
        for (int yy = 0; yy < sub.height() && y + yy < c.height(); yy++) {
            for (int xx = 0; xx < sub.width(); xx++) c.set(2 + xx, y + yy, sub.charAt(xx, yy), sub.roleAt(xx, yy), false);
        }
    }

    @Override
    public boolean onKey(KeyStroke key, Nav nav) {
        if (key.isCtrlDown() || key.isAltDown()) return false;
        KeyType t = key.getKeyType();
        switch (t) {
            case ArrowUp -> layer = (layer + model.cfg.layers() - 1) % model.cfg.layers();
            case ArrowDown -> layer = (layer + 1) % model.cfg.layers();
            case ArrowLeft -> head = (head + model.cfg.heads() - 1) % model.cfg.heads();
            case ArrowRight, Tab -> head = (head + 1) % model.cfg.heads();
            case Backspace -> {
                if (input.length() > 0) input.setLength(input.length() - 1);
            }
            case Enter -> input.setLength(0);
            case Character -> {
                char ch = key.getCharacter();
                if (ch != '\\' && !vocab.contains(ch)) {
                    nav.flash("The model has no token for '" + ch + "': it knows only the characters of Tiny"
                            + " Shakespeare.");
                } else if (input.length() >= 400) {
                    nav.flash("That is long enough: the model sees only the last " + model.cfg.context()
                            + " characters.");
                } else {
                    input.append(ch);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean takesText() {
        return true;
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(new KeyHint("type", "text"), new KeyHint("↑↓", "layer"), new KeyHint("←→", "head"),
                new KeyHint("Enter", "clear"), new KeyHint("Esc", "back"));
    }
}
