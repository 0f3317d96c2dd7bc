package llmfs.tui.screens;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import llmfs.tui.app.TuiApp;
import llmfs.tui.widgets.Caps;
import llmfs.tutor.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static llmfs.tui.screens.VirtualScreen.await;
import static llmfs.tui.screens.VirtualScreen.key;
import static llmfs.tui.screens.VirtualScreen.text;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 80x24 layout on Lanterna's virtual terminal: key bars keep every key, help text wraps, headers cut at words. */
class Layout80x24Test {
    @TempDir
    Path tmp;

    private Thread start(DefaultVirtualTerminal vt) {
        Session s = Session.open(tmp.resolve("ws").toString());
        UiContext ctx = new UiContext(s, Caps.FULL);
        Thread t = new Thread(() -> {
            try (s; ctx) {
                new TuiApp(new TerminalScreen(vt), Caps.FULL).run(new CourseMapView(ctx));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String row(String screen, int y) {
        return screen.split("\n")[y];
    }

    @Test
    void labKeyBarShowsEveryKeyAndHelpWrapsAndLongTitlesEndAtAWord() throws Exception {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        Thread t = start(vt);
        await(vt, "course map", s -> s.contains("Course map") && s.contains("Part 1"));
        vt.addInput(new KeyStroke(KeyType.Enter));
        await(vt, "part 1", s -> s.contains("Lessons") && s.contains("l lab"));
        key(vt, 'l');
        String lab = await(vt, "the lab screen with its key bar", s -> s.contains("Lab: Train") && s.contains("q back"));
        String bar = row(lab, 23);
        assertTrue(bar.contains("p embeddings") && bar.contains("o sizes") && bar.contains("Enter"),
                "every key of the lab screen is on the bar: " + bar);
        assertFalse(bar.contains("…"), bar);

        key(vt, '?');
        String help = await(vt, "help", s -> s.contains("Keys on this screen") && s.contains("tutor --help"));
        for (String line : help.split("\n")) {
            assertFalse(line.stripTrailing().endsWith("headless: tu"), "help text cut at the edge: " + line);
        }
        key(vt, 'x');
        await(vt, "help closed", s -> !s.contains("Keys on this screen"));
        key(vt, 'q');
        await(vt, "part 1 again", s -> s.contains("Lessons") && s.contains("l lab"));
        key(vt, 'q');
        await(vt, "course map again", s -> s.contains("Course map"));
        vt.addInput(new KeyStroke(KeyType.ArrowDown));
        vt.addInput(new KeyStroke(KeyType.ArrowDown));
        vt.addInput(new KeyStroke(KeyType.Enter));
        await(vt, "part 3", s -> s.contains("Part 3") && s.contains("Lessons"));
        // The last lesson, whose title does not fit in 80 columns after the breadcrumb.
        for (int i = 0; i < 9; i++) vt.addInput(new KeyStroke(KeyType.ArrowDown));
        vt.addInput(new KeyStroke(KeyType.Enter));
        String lesson = await(vt, "lesson 3-10", s -> s.contains("Lesson 10/10") && s.contains("q back"));
        String title = row(lesson, 0).stripTrailing();
        assertTrue(title.endsWith("…"), title);
        String head = title.substring(0, title.length() - 1);
        String full = " LLM from Scratch › Part 3 › Lesson 10/10 Lab: the MLP on tokens, and a lesson in memorisation";
        assertTrue(full.startsWith(head) && full.charAt(head.length()) == ' ', "cut between words: " + title);
        key(vt, 'q');
        key(vt, 'q');
        key(vt, 'q');
        t.join(60_000);
    }
}
