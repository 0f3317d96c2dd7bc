package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import llmfs.compute.text.BpeTokenizer;
import llmfs.tui.app.KeyHint;
import llmfs.tui.app.Nav;
import llmfs.tui.app.View;
import llmfs.tui.text.TokenSplit;
import llmfs.tui.widgets.AsciiFold;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.ProgressBar;
import llmfs.tui.widgets.Role;
import llmfs.tui.widgets.TokenText;
import llmfs.tutor.lab.ShakespeareTokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Part 3's tokenizer playground: the learner types a line and sees how the course's vocabulary-300 tokenizer splits
 * it, token by token, with the count and the characters per token. Characters the tokenizer never saw in Tiny
 * Shakespeare are marked as unknown instead of failing.
 */
public final class TokenizerPlaygroundView implements View {
    /** Longer input would not fit on the screen anyway. */
    static final int MAX_INPUT = 400;
    static final String EXAMPLE = "To be or not to be, that is the question";

    private final Job<ShakespeareTokenizer.Loaded> job;
    private final StringBuilder input = new StringBuilder(EXAMPLE);
    private TokenSplit split;
    private String splitFor;
    private List<TokenSplit.Piece> pieces = List.of();
    private boolean shownReady;

    public TokenizerPlaygroundView(UiContext ctx) {
        this.job = ctx.shakespeareTokenizer();
    }

    @Override
    public String title() {
        return "Part 3 › Tokenizer playground";
    }

    /** The current input line. */
    String input() {
        return input.toString();
    }

    /** The pieces of the current input, or an empty list while the tokenizer is not ready. */
    List<TokenSplit.Piece> pieces() {
        refresh();
        return pieces;
    }

    private void refresh() {
        ShakespeareTokenizer.Loaded loaded = job.result();
        if (loaded == null) return;
        if (split == null) split = new TokenSplit(loaded.tokenizer());
        String text = input.toString();
        if (!text.equals(splitFor)) {
            pieces = split.split(text);
            splitFor = text;
        }
    }

    @Override
    public void render(Canvas c, Caps caps) {
        int w = c.width();
        int y = 1;
        y = Text.draw(c, caps, 2, y, w - 4, c.height(), "Type a line and watch the course's tokenizer (BPE, 300 tokens,"
                + " learned from Tiny Shakespeare) split it. Colours alternate from one token to the next.",
                Role.DIM, false) + 1;
        String shown = input.toString();
        int room = w - 7;
        if (shown.length() > room) shown = (caps.unicode() ? "…" : "~") + shown.substring(shown.length() - room + 1);
        c.put(2, y, ">", Role.ACCENT, true);
        int x = c.put(4, y, AsciiFold.text(shown, caps.unicode()), Role.TEXT, true);
        c.put(x, y, caps.unicode() ? "▏" : "_", Role.ACCENT, true);
        y += 2;

        ShakespeareTokenizer.Loaded loaded = job.result();
        if (loaded == null) {
            if (job.error() != null) {
                Text.draw(c, caps, 2, y, w - 4, c.height(), "The tokenizer could not be loaded: " + job.error(),
                        Role.BAD, false);
            } else {
                y = Text.draw(c, caps, 2, y, w - 4, y + 2, "Preparing the tokenizer (it is learned once, then kept in "
                        + "checkpoints/" + ShakespeareTokenizer.FILE + ")", Role.DIM, false);
                c.put(2, y, ProgressBar.render(Math.min(w - 4, 76), job.fraction(), job.status(), caps.unicode()),
                        Role.ACCENT);
            }
            return;
        }
        refresh();
        int bottom = c.height() - 4;
        y = drawTokens(c, caps, y, bottom);
        y++;
        int chars = input.codePointCount(0, input.length());
        List<Integer> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (TokenSplit.Piece p : pieces) {
            if (p.unknown()) {
                int cp = p.text().codePointAt(0);
                String name = String.format("U+%04X", cp);
                String item = Character.isWhitespace(cp) || Character.isISOControl(cp) ? name : "'" + p.text() + "' (" + name + ")";
                if (!unknown.contains(item)) unknown.add(item);
            } else {
                ids.add(p.id());
            }
        }
        String stats = pieces.isEmpty() ? "Nothing typed yet."
                : String.format(Locale.ROOT, "%d characters → %d tokens · %.2f characters per token", chars,
                pieces.size(), (double) chars / pieces.size());
        c.put(2, Math.min(y, c.height() - 3), AsciiFold.text(stats, caps.unicode()), Role.TEXT, true);
        y = Math.min(y, c.height() - 3) + 1;
        if (!unknown.isEmpty()) {
            Text.draw(c, caps, 2, y, w - 4, c.height(), "Unknown to this tokenizer (never in its training text, so it"
                    + " has no id; a byte-level tokenizer could encode it): " + String.join(", ", unknown), Role.BAD,
                    false);
        } else if (!ids.isEmpty()) {
            String line = "ids: " + ids.toString().replace("[", "").replace("]", "").replace(",", "");
            Text.draw(c, caps, 2, y, w - 4, c.height(), line, Role.DIM, false);
        }
    }

    /** Draws the tokens left to right, wrapping at the edge; returns the row after the last one used. */
    private int drawTokens(Canvas c, Caps caps, int y, int bottom) {
        int left = 2;
        int right = c.width() - 2;
        int x = left;
        boolean bracket = !caps.colour(); // without colour, brackets show where one token ends
        int n = 0;
        for (TokenSplit.Piece p : pieces) {
            String s = TokenText.visible(p.text(), caps.unicode());
            if (p.unknown()) s = "<" + s + "?>";
            else if (bracket) s = "[" + s + "]";
            int len = s.codePointCount(0, s.length());
            if (x + len > right && x > left) {
                x = left;
                y++;
            }
            if (y >= bottom) {
                c.put(left, y, caps.unicode() ? "…" : "...", Role.DIM);
                return y + 1;
            }
            Role role = p.unknown() ? Role.BAD : n % 2 == 0 ? Role.SERIES_1 : Role.SERIES_2;
            x = c.put(x, y, s, role, p.unknown());
            n++;
        }
        return y + 1;
    }

    @Override
    public boolean onKey(KeyStroke key, Nav nav) {
        if (key.isCtrlDown() || key.isAltDown()) return false;
        KeyType t = key.getKeyType();
        if (t == KeyType.Character && key.getCharacter() != null) {
            if (input.length() < MAX_INPUT) input.append(key.getCharacter().charValue());
            else nav.flash("That is long enough for the screen (" + MAX_INPUT + " characters).");
            return true;
        }
        if (t == KeyType.Backspace) {
            if (input.length() > 0) input.setLength(input.offsetByCodePoints(input.length(), -1));
            return true;
        }
        if (t == KeyType.Enter) {
            input.setLength(0);
            return true;
        }
        return false;
    }

    @Override
    public boolean takesText() {
        return true;
    }

    @Override
    public boolean tick() {
        boolean ready = job.done();
        boolean changed = !ready || ready != shownReady;
        shownReady = ready;
        return changed;
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(new KeyHint("type", "text"), new KeyHint("Backspace", "delete"), new KeyHint("Enter", "clear"),
                new KeyHint("Esc", "back"));
    }
}
