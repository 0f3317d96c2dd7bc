package llmfs.tui.chat;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a chat writes: model text as it is generated (flushed at once, so it streams), notes and problems (dim and
 * yellow on a colour terminal, plain otherwise), and the stop request that Ctrl-C raises during an answer.
 */
public final class ChatOutput {
    private final PrintWriter out;
    private final boolean colour;
    private final AtomicBoolean stop;
    private boolean atLineStart = true;

    /**
     * @param out    the destination
     * @param colour whether ANSI colour codes may be written
     * @param stop   set (from another thread, e.g. a signal handler) to end the current answer early
     */
    public ChatOutput(PrintWriter out, boolean colour, AtomicBoolean stop) {
        this.out = out;
        this.colour = colour;
        this.stop = stop;
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
        out.println(paint("2", s));
        out.flush();
        atLineStart = true;
    }

    /** Input that cannot be used, in one line (yellow on a colour terminal). */
    public void problem(String s) {
        endLine();
        out.println(paint("33", s));
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

    private String paint(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
