package llmfs.tui.app;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import llmfs.tui.widgets.AsciiFold;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Fit;
import llmfs.tui.widgets.CanvasPainter;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.Role;
import llmfs.tui.widgets.Theme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The full-screen text UI: a stack of {@link View}s drawn inside a frame (title bar on top, key bar at the
 * bottom). Always a text terminal (never a Swing window); redraws on input, on resize and when a view asks
 * (live charts); shows a clear message instead of a broken layout when the terminal is smaller than 80×24.
 */
public final class TuiApp implements Nav {
    public static final int MIN_COLS = 80;
    public static final int MIN_ROWS = 24;

    private final Screen screen;
    private final Caps caps;
    private final Theme theme;
    private final Deque<View> stack = new ArrayDeque<>();
    private volatile boolean running = true; // quit() may come from another thread (a closed SSH channel)
    private volatile String noSuspend;
    private boolean showHelp;
    private String flash;
    private long flashUntil;
    private boolean dirty = true;

    public TuiApp(Screen screen, Caps caps) {
        this.screen = screen;
        this.caps = caps;
        this.theme = Theme.forCaps(caps);
    }

    /** Opens the real terminal (stdin/stdout) as a text screen. */
    public static Screen openTerminal() throws IOException {
        DefaultTerminalFactory f = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8);
        f.setForceTextTerminal(true);
        Terminal t = f.createTerminal();
        return new TerminalScreen(t);
    }

    /** Runs the UI with {@code first} as the bottom view until the learner quits. */
    public void run(View first) throws IOException {
        stack.push(first);
        screen.startScreen();
        screen.setCursorPosition(null);
        try {
            loop();
        } finally {
            while (!stack.isEmpty()) stack.pop().closed();
            screen.stopScreen();
        }
    }

    private void loop() throws IOException {
        long lastTick = 0;
        while (running && !stack.isEmpty()) {
            KeyStroke key = screen.pollInput();
            if (key != null) {
                handle(key);
                dirty = true;
            }
            if (screen.doResizeIfNecessary() != null) {
                dirty = true;
                screen.clear();
            }
            long now = System.currentTimeMillis();
            if (now - lastTick >= 100) {
                lastTick = now;
                if (!stack.isEmpty() && stack.peek().tick()) dirty = true;
                if (flash != null && now > flashUntil) {
                    flash = null;
                    dirty = true;
                }
            }
            if (dirty && running && !stack.isEmpty()) {
                draw();
                dirty = false;
            }
            if (key == null) {
                try {
                    Thread.sleep(15);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void handle(KeyStroke key) {
        if (key.getKeyType() == KeyType.EOF) {
            running = false; // the terminal went away (e.g. a dropped SSH connection)
            return;
        }
        if (showHelp) {
            showHelp = false;
            return;
        }
        View top = stack.peek();
        TerminalSize size = screen.getTerminalSize();
        boolean tooSmall = size.getColumns() < MIN_COLS || size.getRows() < MIN_ROWS;
        if (!tooSmall && top.onKey(key, this)) return;
        if (isChar(key, 'q') || key.getKeyType() == KeyType.Escape) back();
        else if (isChar(key, '?') || key.getKeyType() == KeyType.F1) showHelp = true;
        else if (key.isCtrlDown() && isChar(key, 'c')) quit();
    }

    /** True when the key is the character {@code c} (ignoring Ctrl/Alt combinations except as asked). */
    public static boolean isChar(KeyStroke k, char c) {
        return k.getKeyType() == KeyType.Character && k.getCharacter() != null && k.getCharacter() == c;
    }

    // ------------------------------------------------------------------ drawing

    private void draw() throws IOException {
        TerminalSize size = screen.getTerminalSize();
        int cols = size.getColumns(), rows = size.getRows();
        screen.clear();
        TextGraphics g = screen.newTextGraphics();
        Canvas whole = new Canvas(cols, rows);
        if (cols < MIN_COLS || rows < MIN_ROWS) {
            tooSmall(whole, cols, rows);
            paint(g, 0, whole);
            screen.refresh();
            return;
        }
        View top = stack.peek();
        // Title bar
        String title = " LLM from Scratch " + (caps.unicode() ? "›" : ">") + " " + top.title();
        whole.put(0, 0, Fit.line(title, cols, caps.unicode()), Role.HEADING, true);
        paint(g, 0, whole);
        // Body
        Canvas body = new Canvas(cols, rows - 3);
        if (showHelp) renderHelp(body, top);
        else top.render(body, caps);
        paint(g, 1, body);
        // Status and key bar
        Canvas bottom = new Canvas(cols, 2);
        String rule = (caps.unicode() ? "─" : "-").repeat(cols);
        bottom.put(0, 0, rule, Role.DIM);
        if (flash != null) bottom.put(1, 0, " " + Fit.line(flash, cols - 4, caps.unicode()) + " ", Role.WARN);
        String prompt = top.prompt();
        if (prompt != null) bottom.put(0, 1, Fit.line(" " + prompt, cols, caps.unicode()), Role.WARN, true);
        else keyBar(bottom, top, cols);
        paint(g, rows - 2, bottom);
        int[] cursor = showHelp ? null : top.cursor();
        screen.setCursorPosition(cursor == null ? null
                : new com.googlecode.lanterna.TerminalPosition(Math.min(cols - 1, cursor[0]), 1 + Math.min(rows - 4, cursor[1])));
        screen.refresh();
    }

    /** Paints a canvas, folding every character to ASCII first when the terminal cannot show Unicode. */
    private void paint(TextGraphics g, int row, Canvas c) {
        if (!caps.unicode()) {
            for (int y = 0; y < c.height(); y++) {
                for (int x = 0; x < c.width(); x++) {
                    char ch = c.charAt(x, y);
                    if (ch >= 128) {
                        String f = AsciiFold.fold(String.valueOf(ch));
                        c.set(x, y, f.isEmpty() || f.charAt(0) >= 128 ? '?' : f.charAt(0), c.roleAt(x, y), c.boldAt(x, y));
                    }
                }
            }
        }
        CanvasPainter.draw(g, 0, row, c, theme);
    }

    private void keyBar(Canvas c, View top, int cols) {
        List<KeyHint> own = top.keys();
        List<KeyHint> always = new ArrayList<>();
        if (!top.takesText()) {
            always.add(new KeyHint("?", "help"));
            always.add(new KeyHint("q", stack.size() > 1 ? "back" : "quit"));
        }
        // "? help" and "q" always show. When the screen's own keys do not all fit, their labels shrink to one word
        // ("Enter quick", "p embeddings") so that every key stays visible; only if even that is too wide do the
        // keys that fit end in "…" (the help screen lists them all).
        int reserved = 0;
        for (KeyHint h : always) reserved += width(h);
        int full = 1;
        for (KeyHint h : own) full += width(h);
        if (full > cols - reserved) {
            List<KeyHint> shortened = new ArrayList<>();
            for (KeyHint h : own) shortened.add(new KeyHint(h.key(), h.action().split(" ", 2)[0]));
            own = shortened;
        }
        int x = 1;
        for (int i = 0; i < own.size(); i++) {
            KeyHint h = own.get(i);
            boolean last = i == own.size() - 1;
            if (x + width(h) + (last ? 0 : 3) > cols - reserved) {
                x = c.put(x, 1, caps.unicode() ? "…  " : "...  ", Role.DIM);
                break;
            }
            x = draw(c, x, h);
        }
        for (KeyHint h : always) x = draw(c, x, h);
    }

    private int width(KeyHint h) {
        return AsciiFold.text(h.key(), caps.unicode()).length() + AsciiFold.text(h.action(), caps.unicode()).length() + 3;
    }

    private int draw(Canvas c, int x, KeyHint h) {
        x = c.put(x, 1, AsciiFold.text(h.key(), caps.unicode()), Role.ACCENT, true);
        return c.put(x, 1, " " + AsciiFold.text(h.action(), caps.unicode()) + "  ", Role.TEXT);
    }

    private void renderHelp(Canvas body, View top) {
        int y = 1;
        body.put(2, y++, "Keys on this screen", Role.HEADING, true);
        y++;
        List<KeyHint> all = new ArrayList<>(top.keys());
        all.add(new KeyHint("?  F1", "this help (any key closes it)"));
        all.add(new KeyHint("q  Esc", stack.size() > 1 ? "go back" : "quit the tutor"));
        all.add(new KeyHint("Ctrl-C", "quit the tutor from anywhere"));
        int actionWidth = Math.max(10, body.width() - 18);
        for (KeyHint h : all) {
            List<String> action = Fit.wrap(h.action(), actionWidth, 2);
            if (y + action.size() > body.height() - 4) break;
            body.put(4, y, h.key(), Role.ACCENT, true);
            for (String line : action) body.put(16, y++, line, Role.TEXT);
        }
        y++;
        String footer = "Your exercise files live in the workspace folder; edit them in any editor. Saving a file "
                + "re-checks it automatically. The same commands exist headless: tutor --help";
        for (String line : Fit.wrap(footer, body.width() - 4, 0)) {
            if (y >= body.height()) break;
            body.put(2, y++, line, Role.DIM);
        }
    }

    private void tooSmall(Canvas c, int cols, int rows) {
        String[] lines = {
                "Please enlarge the terminal",
                "to at least " + MIN_COLS + (caps.unicode() ? "×" : "x") + MIN_ROWS,
                "(it is " + cols + (caps.unicode() ? "×" : "x") + rows + " now)",
                "q quits"};
        int y0 = Math.max(0, rows / 2 - 2);
        for (int i = 0; i < lines.length && y0 + i < rows; i++) {
            String s = fit(lines[i], cols);
            c.put(Math.max(0, (cols - s.length()) / 2), y0 + i, s, i == 0 ? Role.WARN : Role.TEXT, i == 0);
        }
    }

    static String fit(String s, int width) {
        if (width <= 0) return "";
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
    }

    // ------------------------------------------------------------------ Nav

    @Override
    public void push(View view) {
        stack.push(view);
        dirty = true;
    }

    @Override
    public void back() {
        View v = stack.pop();
        v.closed();
        if (stack.isEmpty()) running = false;
        else stack.peek().resumed();
        dirty = true;
    }

    @Override
    public void quit() {
        running = false;
    }

    /**
     * Makes {@link #suspendFor} show {@code message} instead of leaving the screen: a session served over SSH has no
     * terminal of its own to hand to an editor or a chat, and must never start programs for the learner.
     */
    public TuiApp refuseSuspend(String message) {
        noSuspend = message;
        return this;
    }

    @Override
    public void suspendFor(Runnable action) {
        if (noSuspend != null) {
            flash(noSuspend);
            return;
        }
        try {
            screen.stopScreen();
            action.run();
        } catch (IOException e) {
            flash("could not leave the screen: " + e.getMessage());
        } finally {
            try {
                screen.startScreen();
                screen.setCursorPosition(null);
                screen.clear();
                screen.refresh(Screen.RefreshType.COMPLETE);
            } catch (IOException e) {
                running = false;
            }
            dirty = true;
        }
    }

    @Override
    public void flash(String message) {
        flash = message;
        flashUntil = System.currentTimeMillis() + 4000;
        dirty = true;
    }

    /** Marks the screen for redraw (views call this from background threads via their own tick). */
    public void invalidate() {
        dirty = true;
    }
}
