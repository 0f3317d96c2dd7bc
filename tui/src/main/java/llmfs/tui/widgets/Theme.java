package llmfs.tui.widgets;

import com.googlecode.lanterna.TextColor;

import java.util.EnumMap;
import java.util.Map;

/**
 * Maps each {@link Role} to a Lanterna colour. Only the 16 ANSI colours are used, because they work on every
 * colour terminal, over SSH and inside terminal multiplexers, and follow the user's own palette.
 */
public final class Theme {

    private final Map<Role, TextColor> colours;

    private Theme(Map<Role, TextColor> colours) {
        this.colours = colours;
    }

    /**
     * The standard palette: readable on dark and light backgrounds.
     *
     * @return a theme with a distinct colour for every series
     */
    public static Theme standard() {
        EnumMap<Role, TextColor> m = new EnumMap<>(Role.class);
        m.put(Role.TEXT, TextColor.ANSI.DEFAULT);
        // Bright black is the usual "grey": visible on both dark and light backgrounds.
        m.put(Role.DIM, TextColor.ANSI.BLACK_BRIGHT);
        m.put(Role.ACCENT, TextColor.ANSI.CYAN);
        m.put(Role.GOOD, TextColor.ANSI.GREEN);
        m.put(Role.BAD, TextColor.ANSI.RED);
        m.put(Role.WARN, TextColor.ANSI.YELLOW);
        m.put(Role.SERIES_1, TextColor.ANSI.CYAN);
        m.put(Role.SERIES_2, TextColor.ANSI.YELLOW);
        m.put(Role.SERIES_3, TextColor.ANSI.MAGENTA);
        m.put(Role.SERIES_4, TextColor.ANSI.GREEN);
        m.put(Role.CODE, TextColor.ANSI.GREEN);
        m.put(Role.HEADING, TextColor.ANSI.MAGENTA_BRIGHT);
        return new Theme(m);
    }

    /**
     * Every role in the terminal's default colour, for terminals without colour or users who asked for none.
     *
     * @return a colourless theme
     */
    public static Theme monochrome() {
        EnumMap<Role, TextColor> m = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            m.put(role, TextColor.ANSI.DEFAULT);
        }
        return new Theme(m);
    }

    /**
     * The theme that suits the given capabilities.
     *
     * @param caps terminal capabilities
     * @return {@link #standard()} with colour, {@link #monochrome()} without
     */
    public static Theme forCaps(Caps caps) {
        return caps.colour() ? standard() : monochrome();
    }

    /**
     * The colour to draw a role in.
     *
     * @param role a role
     * @return its foreground colour
     */
    public TextColor colour(Role role) {
        return colours.get(role);
    }
}
