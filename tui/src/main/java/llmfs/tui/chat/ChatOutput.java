package llmfs.tui.chat;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a chat writes: model text as it is generated (flushed at once, so it streams), notes and problems (dim and
 * yellow on a colour terminal, plain otherwise), and the stop request that Ctrl-C raises during an answer.
 */
public final class ChatOutput {
    private final PrintWriter out;
    private final boolean colour;
    private final AtomicBoolean stop;
    private final IntSupplier width;
    private boolean atLineStart = true;

    /**
     * @param out    the destination
     * @param colour whether ANSI colour codes may be written
     * @param stop   set (from another thread, e.g. a signal handler) to end the current answer early
     */
    public ChatOutput(PrintWriter out, boolean colour, AtomicBoolean stop) {
        this(out, colour, stop, () -> 0);
    }

    /**
     * @param width the terminal's width in columns, asked before each note (it can change); 0 or less for none.
     *              Notes and problems are wrapped at spaces to fit, so the terminal never breaks a word.
     */
    public ChatOutput(PrintWriter out, boolean colour, AtomicBoolean stop, IntSupplier width) {
        this.out = out;
        this.colour = colour;
        this.stop = stop;
        this.width = width;
    }

    /** Model output: written and flushed straight away. */
    public void text(String s) {
        if (s.isEmpty()) return;
        out.print(s);
        out.flush();
        atLineStart = s.endsWith("\n");
    }

    /** Text the learner typed, repeated before its continuation (bold on a colour terminal). */
    public void echo(String s) {
        if (s.isEmpty()) return;
        out.print(paint("1", s));
        out.flush();
        atLineStart = s.endsWith("\n");
    }

    /** One line of model output. */
    public void line(String s) {
        text(s + "\n");
    }

    /** Ends the current line if something is on it. */
    public void endLine() {
        if (!atLineStart) text("\n");
    }

    /** A remark from the chat itself (dim on a colour terminal). */
    public void note(String s) {
        endLine();
        for (String l : wrap(s, width.getAsInt())) out.println(paint("2", l));
        out.flush();
        atLineStart = true;
    }

    /** Input that cannot be used, in one line (yellow on a colour terminal). */
    public void problem(String s) {
        endLine();
        for (String l : wrap(s, width.getAsInt())) out.println(paint("33", l));
        out.flush();
        atLineStart = true;
    }

    /** True once Ctrl-C asked the current answer to stop. */
    public boolean stopRequested() {
        return stop.get();
    }

    /** Forgets an earlier stop request (before each answer). */
    void clearStop() {
        stop.set(false);
    }

    /**
     * {@code s} broken at spaces into lines of at most {@code width - 1} columns (the last column is left free:
     * some terminals wrap when it is written). Continuation lines are indented like the text after a
     * {@code "  :temp T   "} column, or like the line itself. A word longer than a line is cut.
     */
    static List<String> wrap(String s, int width) {
        int max = width - 1;
        if (max < 20 || s.length() <= max) return List.of(s);
        Matcher m = COMMAND_COLUMN.matcher(s);
        int hang = m.lookingAt() ? m.end() : s.length() - s.stripLeading().length();
        String indent = " ".repeat(Math.min(hang, max / 2));
        List<String> lines = new ArrayList<>();
        String rest = s;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf(' ', max);
            if (cut <= indent.length()) cut = max; // no space to break at: cut the word
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = indent + rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    private static final Pattern COMMAND_COLUMN = Pattern.compile("\\s+:\\S+(?: \\S)?\\s{2,}");

    private String paint(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
