package llmfs.tui.widgets;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;

import java.util.EnumSet;

/**
 * Draws a {@link Canvas} onto a Lanterna {@link TextGraphics}: the single place where widgets meet the terminal.
 */
public final class CanvasPainter {

    private CanvasPainter() {
    }

    /**
     * Copies every cell of the canvas to the graphics, with its top-left corner at (column, row). Cells that
     * fall outside the graphics are dropped by Lanterna. The graphics' colour and modifiers are restored
     * afterwards; its background colour is used for every cell.
     *
     * @param graphics where to draw
     * @param column   left column on the graphics
     * @param row      top row on the graphics
     * @param canvas   what to draw
     * @param theme    maps the cells' roles to colours
     */
    public static void draw(TextGraphics graphics, int column, int row, Canvas canvas, Theme theme) {
        TextColor savedColour = graphics.getForegroundColor();
        EnumSet<SGR> savedModifiers = EnumSet.copyOf(graphics.getActiveModifiers());
        try {
            for (int y = 0; y < canvas.height(); y++) {
                for (int x = 0; x < canvas.width(); x++) {
                    graphics.setForegroundColor(theme.colour(canvas.roleAt(x, y)));
                    if (canvas.boldAt(x, y)) {
                        graphics.enableModifiers(SGR.BOLD);
                    } else {
                        graphics.disableModifiers(SGR.BOLD);
                    }
                    graphics.setCharacter(column + x, row + y, canvas.charAt(x, y));
                }
            }
        } finally {
            graphics.setForegroundColor(savedColour);
            graphics.setModifiers(savedModifiers);
        }
    }
}
