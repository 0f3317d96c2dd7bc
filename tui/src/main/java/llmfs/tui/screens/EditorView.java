package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import llmfs.tui.app.KeyHint;
import llmfs.tui.app.Nav;
import llmfs.tui.app.View;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.Role;
import llmfs.tutor.course.Exercise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A small text editor for an exercise file, inside the tutor. A learner in a class served over SSH has no shell and
 * no editor of their own on the server, so this is how they write their code there: arrows, Home/End, PgUp/PgDn,
 * typing, Enter (keeps the indentation), Tab (four spaces), Backspace/Delete; Ctrl-S or F2 saves (and the save is
 * checked, as any save is); Esc closes, asking first when there are unsaved changes. Tabs in the file become four
 * spaces.
 */
public final class EditorView implements View {
    private static final int GUTTER = 5;

    private final UiContext ctx;
    private final Exercise exercise;
    private final Path file;
    private final List<StringBuilder> lines = new ArrayList<>();
    private int row, col, top, left;
    private int width = 80, height = 20;
    private boolean modified;
    private boolean confirmClose;
    private String error;

    public EditorView(UiContext ctx, Exercise exercise) {
        this.ctx = ctx;
        this.exercise = exercise;
        this.file = ctx.session().workspace().file(exercise);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
            error = "could not read " + file.getFileName() + " (" + e.getMessage() + "); saving creates it";
        }
        for (String l : text.replace("\r\n", "\n").split("\n", -1)) lines.add(new StringBuilder(l.replace("\t", "    ")));
        if (lines.size() > 1 && lines.get(lines.size() - 1).length() == 0) lines.remove(lines.size() - 1);
    }

    @Override
    public String title() {
        return "Exercise " + exercise.id() + " › Editing " + file.getFileName() + (modified ? " (modified)" : "");
    }

    /** The file's text as it would be saved. */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (StringBuilder l : lines) sb.append(l).append('\n');
        return sb.toString();
    }

    @Override
    public void render(Canvas c, Caps caps) {
        width = c.width();
        height = Math.max(1, c.height() - 1);
        scrollToCursor();
        int textW = Math.max(1, width - GUTTER);
        for (int y = 0; y < height && top + y < lines.size(); y++) {
            c.put(0, y, String.format("%4d", top + y + 1), Role.DIM);
            String l = lines.get(top + y).toString();
            if (left < l.length()) c.put(GUTTER, y, l.substring(left, Math.min(l.length(), left + textW)), Role.CODE);
        }
        String status = error != null ? error
                : "line " + (row + 1) + ", column " + (col + 1) + (modified ? " · modified" : " · saved")
                  + " · Ctrl-S save · Esc close";
        c.put(1, c.height() - 1, status.length() > width - 2 ? status.substring(0, Math.max(0, width - 2)) : status,
                error != null ? Role.BAD : Role.DIM);
    }

    private void scrollToCursor() {
        int textW = Math.max(1, width - GUTTER);
        if (row < top) top = row;
        if (row >= top + height) top = row - height + 1;
        if (col < left) left = col;
        if (col >= left + textW) left = col - textW + 1;
    }

    @Override
    public int[] cursor() {
        scrollToCursor();
        return new int[]{GUTTER + col - left, row - top};
    }

    @Override
    public boolean onKey(KeyStroke key, Nav nav) {
        if (confirmClose) {
            confirmClose = false;
            if (isChar(key, 's') && save()) nav.back();
            else if (isChar(key, 'd')) nav.back();
            return true;
        }
        KeyType t = key.getKeyType();
        StringBuilder line = lines.get(row);
        if ((key.isCtrlDown() && isChar(key, 's')) || t == KeyType.F2) {
            if (save()) nav.flash("Saved " + file.getFileName() + "; checking it.");
        } else if (t == KeyType.Escape) {
            if (modified) confirmClose = true;
            else nav.back();
        } else if (t == KeyType.Character && !key.isCtrlDown() && !key.isAltDown()) {
            line.insert(col++, key.getCharacter().charValue());
            modified = true;
        } else if (t == KeyType.Tab) {
            int n = 4 - col % 4;
            line.insert(col, " ".repeat(n));
            col += n;
            modified = true;
        } else if (t == KeyType.Enter) {
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') indent++;
            indent = Math.min(indent, col);
            String rest = line.substring(col);
            line.setLength(col);
            lines.add(row + 1, new StringBuilder(" ".repeat(indent) + rest));
            row++;
            col = indent;
            modified = true;
        } else if (t == KeyType.Backspace) {
            if (col > 0) {
                line.deleteCharAt(--col);
                modified = true;
            } else if (row > 0) {
                StringBuilder prev = lines.get(row - 1);
                col = prev.length();
                prev.append(line);
                lines.remove(row--);
                modified = true;
            }
        } else if (t == KeyType.Delete) {
            if (col < line.length()) {
                line.deleteCharAt(col);
                modified = true;
            } else if (row < lines.size() - 1) {
                line.append(lines.remove(row + 1));
                modified = true;
            }
        } else if (t == KeyType.ArrowLeft) {
            if (col > 0) col--;
            else if (row > 0) col = lines.get(--row).length();
        } else if (t == KeyType.ArrowRight) {
            if (col < line.length()) col++;
            else if (row < lines.size() - 1) {
                row++;
                col = 0;
            }
        } else if (t == KeyType.ArrowUp) {
            moveTo(row - 1);
        } else if (t == KeyType.ArrowDown) {
            moveTo(row + 1);
        } else if (t == KeyType.PageUp) {
            moveTo(row - height);
        } else if (t == KeyType.PageDown) {
            moveTo(row + height);
        } else if (t == KeyType.Home) {
            col = 0;
        } else if (t == KeyType.End) {
            col = line.length();
        } else {
            return false; // e.g. Ctrl-C still quits the tutor
        }
        return true;
    }

    private void moveTo(int r) {
        row = Math.max(0, Math.min(lines.size() - 1, r));
        col = Math.min(col, lines.get(row).length());
    }

    /** Writes the file (through a temporary file and a rename, so a crash never leaves half a file). */
    private boolean save() {
        try {
            Path tmp = file.resolveSibling("." + file.getFileName() + ".saving");
            Files.createDirectories(file.getParent());
            Files.writeString(tmp, text(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            modified = false;
            error = null;
            if (!ctx.watching()) ctx.check(exercise); // otherwise the watcher sees the save and checks it
            return true;
        } catch (IOException e) {
            error = "could not save: " + e.getMessage();
            return false;
        }
    }

    private static boolean isChar(KeyStroke k, char c) {
        return k.getKeyType() == KeyType.Character && k.getCharacter() != null && k.getCharacter() == c;
    }

    @Override
    public boolean takesText() {
        return true;
    }

    @Override
    public String prompt() {
        return confirmClose ? "Unsaved changes: s saves and closes, d discards them, any other key keeps editing" : null;
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(new KeyHint("Ctrl-S", "save (and check)"), new KeyHint("Esc", "close"),
                new KeyHint("arrows PgUp PgDn Home End", "move"));
    }
}
