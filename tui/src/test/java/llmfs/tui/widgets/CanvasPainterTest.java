package llmfs.tui.widgets;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanvasPainterTest {

    @Test
    void canvasReachesAVirtualTerminalThroughAScreen() throws IOException {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(30, 6));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        try {
            Canvas canvas = new Canvas(8, 2);
            canvas.put(0, 0, "loss", Role.BAD, true);
            canvas.put(0, 1, "\u28FF\u2588ok", Role.SERIES_2);

            TextGraphics g = screen.newTextGraphics();
            CanvasPainter.draw(g, 3, 2, canvas, Theme.standard());
            screen.refresh();

            StringBuilder top = new StringBuilder();
            for (int x = 3; x < 7; x++) {
                top.append(terminal.getBufferCharacter(x, 2).getCharacter());
            }
            assertEquals("loss", top.toString());
            TextCharacter l = terminal.getBufferCharacter(3, 2);
            assertEquals(TextColor.ANSI.RED, l.getForegroundColor());
            assertTrue(l.isBold());
            TextCharacter braille = terminal.getBufferCharacter(3, 3);
            assertEquals('\u28FF', braille.getCharacter());
            assertEquals(TextColor.ANSI.YELLOW, braille.getForegroundColor());
            assertFalse(braille.isBold());
            assertEquals('\u2588', terminal.getBufferCharacter(4, 3).getCharacter());
            assertEquals(' ', terminal.getBufferCharacter(2, 2).getCharacter(), "nothing drawn left of the origin");
        } finally {
            screen.stopScreen();
        }
    }

    @Test
    void monochromeThemeDrawsInTheDefaultColourAndRestoresTheGraphics() throws IOException {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(20, 4));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        try {
            ProgressBar bar = new ProgressBar();
            bar.update(0.5, "half");
            Canvas canvas = Canvas.of(bar, 20, 1, Caps.PLAIN);
            TextGraphics g = screen.newTextGraphics();
            g.setForegroundColor(TextColor.ANSI.MAGENTA);
            CanvasPainter.draw(g, 0, 1, canvas, Theme.monochrome());
            screen.refresh();
            for (int x = 0; x < 20; x++) {
                TextCharacter ch = terminal.getBufferCharacter(x, 1);
                assertEquals(canvas.charAt(x, 0), ch.getCharacter());
                assertEquals(TextColor.ANSI.DEFAULT, ch.getForegroundColor());
            }
            assertEquals(TextColor.ANSI.MAGENTA, g.getForegroundColor());
        } finally {
            screen.stopScreen();
        }
    }
}
