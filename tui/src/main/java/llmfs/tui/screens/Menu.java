package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.Fit;
import llmfs.tui.widgets.Role;

import java.util.ArrayList;
import java.util.List;

/** A vertical list with a cursor: headings (not selectable) and items (selectable, with a status on the right). */
final class Menu {
    /** One line; {@code action} null makes it a heading. */
    record Entry(String mark, Role markRole, String label, String status, Role statusRole, Runnable action) {
        static Entry heading(String text) {
            return new Entry("", Role.TEXT, text, "", Role.DIM, null);
        }

        boolean selectable() {
            return action != null;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private int cursor = -1;
    private int top;

    void set(List<Entry> list) {
        Entry selected = cursor >= 0 && cursor < entries.size() ? entries.get(cursor) : null;
        entries.clear();
        entries.addAll(list);
        if (selected != null) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).label().equals(selected.label()) && entries.get(i).selectable()) {
                    cursor = i;
                    return;
                }
            }
        }
        if (cursor < 0 || cursor >= entries.size() || !entries.get(cursor).selectable()) cursor = next(-1, 1);
    }

    void select(int index) {
        if (index >= 0 && index < entries.size() && entries.get(index).selectable()) cursor = index;
    }

    int cursor() {
        return cursor;
    }

    private int next(int from, int dir) {
        for (int i = from + dir; i >= 0 && i < entries.size(); i += dir) if (entries.get(i).selectable()) return i;
        return from;
    }

    /** Up/down/j/k/Home/End/PageUp/PageDown move; Enter or → runs the item. */
    boolean onKey(KeyStroke k) {
        KeyType t = k.getKeyType();
        Character c = t == KeyType.Character ? k.getCharacter() : null;
        if (t == KeyType.ArrowDown || (c != null && c == 'j')) cursor = next(cursor, 1);
        else if (t == KeyType.ArrowUp || (c != null && c == 'k')) cursor = next(cursor, -1);
        else if (t == KeyType.Home) cursor = next(-1, 1);
        else if (t == KeyType.End) cursor = next(entries.size(), -1);
        else if (t == KeyType.PageDown) for (int i = 0; i < 8; i++) cursor = next(cursor, 1);
        else if (t == KeyType.PageUp) for (int i = 0; i < 8; i++) cursor = next(cursor, -1);
        else if (t == KeyType.Enter || t == KeyType.ArrowRight) {
            if (cursor >= 0 && cursor < entries.size() && entries.get(cursor).selectable()) entries.get(cursor).action().run();
        } else {
            return false;
        }
        return true;
    }

    /** Draws the list into rows [y0, y0+height) of the canvas, scrolling to keep the cursor visible. */
    void render(Canvas c, Caps caps, int y0, int height) {
        if (cursor >= 0) {
            if (cursor < top) top = cursor;
            if (cursor >= top + height) top = cursor - height + 1;
        }
        top = Math.max(0, Math.min(top, Math.max(0, entries.size() - height)));
        int w = c.width();
        for (int i = 0; i < height && top + i < entries.size(); i++) {
            Entry e = entries.get(top + i);
            int y = y0 + i;
            if (!e.selectable()) {
                c.put(2, y, e.label(), Role.HEADING, true);
                continue;
            }
            boolean sel = top + i == cursor;
            c.put(1, y, sel ? (caps.unicode() ? "▸" : ">") : " ", Role.ACCENT, true);
            c.put(3, y, e.mark(), e.markRole(), true);
            int statusW = Math.min(e.status().length(), Math.max(0, w / 2 - 4));
            int labelW = Math.max(0, w - 10 - statusW - 2);
            String label = Fit.line(e.label(), labelW, caps.unicode());
            c.put(6, y, label, sel ? Role.ACCENT : Role.TEXT, sel);
            if (statusW > 0) c.put(w - statusW - 2, y, Fit.line(e.status(), statusW, caps.unicode()), e.statusRole());
        }
        if (top > 0) c.put(w - 1, y0, caps.unicode() ? "↑" : "^", Role.DIM);
        if (top + height < entries.size()) c.put(w - 1, y0 + height - 1, caps.unicode() ? "↓" : "v", Role.DIM);
    }
}
