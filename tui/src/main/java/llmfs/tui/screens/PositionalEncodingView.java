package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import llmfs.compute.nn.Gpt;
import llmfs.tui.app.KeyHint;
import llmfs.tui.app.Nav;
import llmfs.tui.app.View;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.Heatmap;
import llmfs.tui.widgets.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * The lesson's picture of the sinusoidal positional encoding: positions 0–49 (rows) × the first 64 columns of a
 * 64-wide table, from −1 (light) to 1 (dark). The left columns change fastest; ↑↓ scroll when the rows do not fit.
 */
public final class PositionalEncodingView implements View {
    static final int POSITIONS = 50;
    static final int DIM = 64;

    private final double[][] table = new double[POSITIONS][DIM];
    private int first;

    public PositionalEncodingView() {
        // The model's own table, so the picture is what the GPT adds to its embeddings.
        float[] pe = Gpt.sinusoid(POSITIONS, DIM);
        for (int p = 0; p < POSITIONS; p++) for (int c = 0; c < DIM; c++) table[p][c] = pe[p * DIM + c];
    }

    @Override
    public String title() {
        return "Part 4 › Positional encoding";
    }

    /** The first position shown. */
    int first() {
        return first;
    }

    @Override
    public void render(Canvas c, Caps caps) {
        int w = c.width(), y = 1;
        y = Text.draw(c, caps, 2, y, w - 4, c.height(), "sin/cos(p / 10000^(2i/64)) for positions " + first + "–"
                + (POSITIONS - 1) + " (rows) and the 64 columns of a 64-wide table. Even columns are sines, odd"
                + " ones cosines; the waves slow down from left to right, so every row is a different pattern.",
                Role.DIM, false) + 1;
        int rows = Math.max(1, Math.min(POSITIONS - first, c.height() - y - 2));
        double[][] shown = new double[rows][];
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            shown[r] = table[first + r];
            labels.add(String.valueOf(first + r));
        }
        Heatmap map = new Heatmap(shown).rowLabels(labels).range(-1, 1);
        Canvas sub = new Canvas(w - 4, c.height() - y);
        map.render(sub, caps);
        for (int yy = 0; yy < sub.height(); yy++) {
            for (int xx = 0; xx < sub.width(); xx++) c.set(2 + xx, y + yy, sub.charAt(xx, yy), sub.roleAt(xx, yy), false);
        }
    }

    @Override
    public boolean onKey(KeyStroke key, Nav nav) {
        if (key.getKeyType() == KeyType.ArrowDown) first = Math.min(POSITIONS - 1, first + 1);
        else if (key.getKeyType() == KeyType.ArrowUp) first = Math.max(0, first - 1);
        else if (key.getKeyType() == KeyType.PageDown) first = Math.min(POSITIONS - 1, first + 10);
        else if (key.getKeyType() == KeyType.PageUp) first = Math.max(0, first - 10);
        else return false;
        return true;
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(new KeyHint("↑↓", "scroll"), new KeyHint("q", "back"));
    }
}
