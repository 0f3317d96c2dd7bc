package llmfs.tui.widgets;

import java.util.Locale;
import java.util.Map;

/**
 * What the terminal can show: Unicode glyphs (braille, block elements, box drawing) and colour.
 *
 * @param unicode whether non-ASCII glyphs may be drawn; when false every widget uses its ASCII fallback
 * @param colour  whether colours may be used; when false every role draws in the default colour
 */
public record Caps(boolean unicode, boolean colour) {

    /** A modern terminal: Unicode and colour. */
    public static final Caps FULL = new Caps(true, true);
    /** The most limited terminal: ASCII only, no colour. */
    public static final Caps PLAIN = new Caps(false, false);

    /**
     * Decides the capabilities from environment variables.
     * <ul>
     *   <li>No colour when {@code NO_COLOR} is present and non-empty (as the no-color.org convention says),
     *       when {@code TERM} is unset or empty, or when {@code TERM=dumb}.</li>
     *   <li>Unicode unless {@code TERM=dumb} or the locale (the first non-empty of {@code TUTOR_TERMINAL_LOCALE},
     *       {@code LC_ALL}, {@code LC_CTYPE}, {@code LANG}) is set and does not name UTF-8. The launcher sets
     *       {@code TUTOR_TERMINAL_LOCALE} to the user's own locale when it runs the JVM under C.UTF-8. An unset locale counts as
     *       Unicode-capable because most terminals reached over SSH without locale forwarding are UTF-8.</li>
     * </ul>
     *
     * @param env environment variables, e.g. {@link System#getenv()}
     * @return the capabilities
     */
    public static Caps fromEnvironment(Map<String, String> env) {
        String term = nonEmpty(env.get("TERM"));
        boolean dumb = "dumb".equals(term);
        boolean noColorRequested = nonEmpty(env.get("NO_COLOR")) != null;
        boolean colour = term != null && !dumb && !noColorRequested;

        String locale = firstNonEmpty(env, "TUTOR_TERMINAL_LOCALE", "LC_ALL", "LC_CTYPE", "LANG");
        boolean unicode = !dumb && (locale == null || namesUtf8(locale));
        return new Caps(unicode, colour);
    }

    /**
     * Capabilities of the terminal this process runs in.
     *
     * @return {@link #fromEnvironment(Map)} applied to {@link System#getenv()}
     */
    public static Caps fromSystem() {
        return fromEnvironment(System.getenv());
    }

    private static boolean namesUtf8(String locale) {
        String upper = locale.toUpperCase(Locale.ROOT);
        return upper.contains("UTF-8") || upper.contains("UTF8");
    }

    private static String firstNonEmpty(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = nonEmpty(env.get(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
