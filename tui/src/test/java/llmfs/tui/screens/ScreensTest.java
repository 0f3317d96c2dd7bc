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

/** The real screens on Lanterna's virtual terminal: navigation, small terminals, resize, ASCII-only mode. */
class ScreensTest {
    @TempDir
    Path tmp;

    private Thread start(DefaultVirtualTerminal vt, Caps caps) throws Exception {
        Session s = Session.open(tmp.resolve("ws").toString());
        UiContext ctx = new UiContext(s, caps);
        TuiApp app = new TuiApp(new TerminalScreen(vt), caps);
        Thread t = new Thread(() -> {
            try (s; ctx) {
                app.run(new CourseMapView(ctx));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        t.start();
        return t;
    }

    @Test
    void navigatesFromTheCourseMapToAnExerciseAndBack() throws Exception {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        Thread t = start(vt, Caps.FULL);
        await(vt, "course map", s -> s.contains("Course map") && s.contains("Part 1"));
        vt.addInput(new KeyStroke(KeyType.Enter));
        await(vt, "part 1", s -> s.contains("Lessons") && s.contains("Guess the next character"));
        vt.addInput(new KeyStroke(KeyType.End));
        await(vt, "part 1 scrolled to its end", s -> s.contains("1.6") && s.contains("Lab"));
        key(vt, '3');
        // The key bar is drawn last: waiting for it means the whole screen is there.
        String ex = await(vt, "exercise 1.3", s -> s.contains("Exercise 1.3") && s.contains("MlpForward.java")
                && s.contains("c check"));
        assertTrue(ex.contains("Task"), ex);
        key(vt, 'h');
        await(vt, "first hint", s -> s.contains("Hints") && s.contains("1. "));
        key(vt, '?');
        await(vt, "help", s -> s.contains("Keys on this screen"));
        key(vt, 'x'); // any key closes help
        await(vt, "help closed", s -> !s.contains("Keys on this screen"));
        key(vt, 'q');
        key(vt, 'q');
        key(vt, 'q');
        t.join(60_000);
        assertFalse(t.isAlive(), "q from the course map quits");
    }

    @Test
    void smallTerminalAsksToEnlargeAndResizeRecovers() throws Exception {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(50, 12));
        Thread t = start(vt, Caps.FULL);
        // Wait for the whole message, not its first line: a screen caught mid-draw has only part of it.
        String small = await(vt, "enlarge message", s -> s.contains("enlarge") && s.contains("now)"));
        assertTrue(small.contains("80") && small.contains("24") && small.contains("50") && small.contains("12"), small);
        vt.setTerminalSize(new TerminalSize(100, 30));
        await(vt, "course map after resize", s -> s.contains("Course map"));
        key(vt, 'q');
        t.join(60_000);
        assertFalse(t.isAlive());
    }

    @Test
    void plainTerminalsGetAsciiOnly() throws Exception {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        Thread t = start(vt, Caps.PLAIN);
        String s = await(vt, "course map", x -> x.contains("Course map") && x.contains("Part 1"));
        vt.addInput(new KeyStroke(KeyType.Enter));
        await(vt, "part view", x -> x.contains("Lessons"));
        vt.addInput(new KeyStroke(KeyType.End)); // the exercises sit below the lessons: scroll to them
        s = await(vt, "part view scrolled", x -> x.contains("1.6"));
        for (char c : s.toCharArray()) {
            assertTrue(c < 128, "non-ASCII character '" + c + "' on a plain terminal:\n" + s);
        }
        key(vt, 'q');
        key(vt, 'q');
        t.join(60_000);
        assertFalse(t.isAlive());
    }
}
