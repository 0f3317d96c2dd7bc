package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tutor.course.Exercise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static llmfs.tui.screens.ScreenFixture.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditorViewTest {
    @TempDir
    Path tmp;

    @Test
    void typingEditsTheFileAndCtrlSSavesIt() throws Exception {
        try (ScreenFixture f = new ScreenFixture(tmp.resolve("ws"), Caps.FULL)) {
            Exercise e = f.session.course().exercise("1.1");
            Path file = f.session.workspace().file(e);
            Files.writeString(file, "class A {\n    int x;\n}\n", StandardCharsets.UTF_8);
            EditorView v = new EditorView(f.ctx, e);
            Canvas c = ScreenFixture.draw(v, Caps.FULL);
            assertTrue(c.row(0).contains("1 class A {"), c.row(0));
            assertArrayEquals(new int[]{5, 0}, v.cursor());

            v.onKey(key(KeyType.ArrowDown), f);
            v.onKey(key(KeyType.End), f);
            v.onKey(key(KeyType.Enter), f); // keeps the indentation
            f.type(v, "int y;");
            v.onKey(key(KeyType.ArrowUp), f);
            v.onKey(key(KeyType.Home), f);
            v.onKey(key(KeyType.Delete), f); // one of the four spaces
            v.onKey(key(KeyType.ArrowDown), f);
            v.onKey(key(KeyType.End), f);
            v.onKey(key(KeyType.Backspace), f); // the ';'
            assertEquals("class A {\n   int x;\n    int y\n}\n", v.text());
            assertTrue(v.title().contains("modified"), v.title());
            assertEquals("class A {\n    int x;\n}\n", Files.readString(file), "nothing is written before a save");

            v.onKey(new KeyStroke('s', true, false), f);
            assertEquals("class A {\n   int x;\n    int y\n}\n", Files.readString(file));
            assertTrue(f.flashes.get(f.flashes.size() - 1).startsWith("Saved"), f.flashes.toString());
            v.onKey(key(KeyType.Escape), f);
            assertEquals(1, f.backs, "a saved file closes at once");
        }
    }

    @Test
    void closingWithUnsavedChangesAsksFirst() throws Exception {
        try (ScreenFixture f = new ScreenFixture(tmp.resolve("ws"), Caps.FULL)) {
            Exercise e = f.session.course().exercise("1.1");
            Path file = f.session.workspace().file(e);
            String before = Files.readString(file);
            EditorView v = new EditorView(f.ctx, e);
            f.type(v, "oops");
            v.onKey(key(KeyType.Escape), f);
            assertEquals(0, f.backs);
            assertNotNull(v.prompt());
            f.type(v, "x"); // any other key: keep editing
            assertEquals(null, v.prompt());
            assertTrue(v.text().startsWith("oops"), v.text());
            v.onKey(key(KeyType.Escape), f);
            f.type(v, "d"); // discard
            assertEquals(1, f.backs);
            assertEquals(before, Files.readString(file));
        }
    }

    @Test
    void theViewScrollsToKeepTheCursorOnScreen() throws Exception {
        try (ScreenFixture f = new ScreenFixture(tmp.resolve("ws"), Caps.FULL)) {
            Exercise e = f.session.course().exercise("1.1");
            Files.writeString(f.session.workspace().file(e), "x\n".repeat(200) + "last line\n");
            EditorView v = new EditorView(f.ctx, e);
            ScreenFixture.draw(v, Caps.FULL);
            for (int i = 0; i < 10; i++) v.onKey(key(KeyType.PageDown), f);
            Canvas c = ScreenFixture.draw(v, Caps.FULL);
            assertTrue(ScreenFixture.rowOf(c, "last line") >= 0, c.toString());
            int[] cur = v.cursor();
            assertTrue(cur[1] >= 0 && cur[1] < 26, "cursor row " + cur[1]);
        }
    }
}
