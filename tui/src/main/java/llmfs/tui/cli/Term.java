package llmfs.tui.cli;

import llmfs.tui.widgets.AsciiFold;
import llmfs.tui.widgets.Caps;

/**
 * How the command line decorates text: ✓/✗ and colour on a capable terminal, plain ASCII words when piped,
 * with TERM=dumb, NO_COLOR or a non-UTF-8 locale.
 */
final class Term {
    private final Caps caps;
    private final boolean colour;

    Term(Caps caps, boolean interactive) {
        this.caps = caps;
        this.colour = interactive && caps.colour();
    }

    static Term detect(boolean interactive) {
        return new Term(Caps.fromSystem(), interactive);
    }

    String ok() {
        return paint("32", caps.unicode() ? "✓" : "PASS");
    }

    String bad() {
        return paint("31", caps.unicode() ? "✗" : "FAIL");
    }

    String dot() {
        return caps.unicode() ? "·" : "-";
    }

    String bold(String s) {
        return paint("1", s);
    }

    String dim(String s) {
        return paint("2", s);
    }

    String yellow(String s) {
        return paint("33", s);
    }

    /** Text with non-ASCII punctuation folded when the terminal cannot show it. */
    String text(String s) {
        return AsciiFold.text(s, caps.unicode());
    }

    private String paint(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
