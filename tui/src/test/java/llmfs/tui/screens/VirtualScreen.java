package llmfs.tui.screens;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;

import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/** Reading and typing into the whole tutor running on Lanterna's virtual terminal. */
final class VirtualScreen {
    private VirtualScreen() {
    }

    /** What the terminal shows now, one line per row. */
    static String text(DefaultVirtualTerminal vt) {
        TerminalSize s = vt.getTerminalSize();
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < s.getRows(); y++) {
            for (int x = 0; x < s.getColumns(); x++) sb.append(vt.getCharacter(new TerminalPosition(x, y)).getCharacterString());
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Waits until the screen satisfies {@code p} and returns it; fails with the last screen after a minute. */
    static String await(DefaultVirtualTerminal vt, String what, Predicate<String> p) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000; // generous: a loaded machine may be slow to draw
        String s = "";
        while (System.currentTimeMillis() < end) {
            s = text(vt);
            if (p.test(s)) return s;
            Thread.sleep(50);
        }
        fail("timed out waiting for " + what + "; screen:\n" + s);
        return s;
    }

    static void key(DefaultVirtualTerminal vt, char c) {
        vt.addInput(new KeyStroke(c, false, false));
    }
}
