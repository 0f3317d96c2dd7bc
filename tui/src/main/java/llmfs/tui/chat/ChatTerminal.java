package llmfs.tui.chat;

import llmfs.tui.widgets.Caps;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.Signals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a chat on this process's standard input and output: with a JLine line editor when both are a terminal
 * (Ctrl-C then stops an answer rather than the program), with plain lines otherwise (a pipe, a file, a test).
 */
public final class ChatTerminal {
    private ChatTerminal() {}

    /** The history file of chats in {@code workspace}. */
    public static Path historyFile(Path workspace) {
        return workspace.resolve(".chat-history");
    }

    /**
     * Runs the chat until the learner leaves.
     *
     * @param plainIn  input when standard input is not a terminal
     * @param plainOut output when standard output is not a terminal
     * @param history  the history file for the line editor (null: none)
     */
    public static void run(ChatRepl repl, InputStream plainIn, PrintWriter plainOut, Path history) throws IOException {
        if (!stdioIsTerminal()) {
            runPlain(repl, plainIn, plainOut);
            return;
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true)
                .systemOutput(TerminalBuilder.SystemOutput.SysOut).encoding(StandardCharsets.UTF_8).build()) {
            // With TERM=dumb the terminal stays as the system set it and does not hook Ctrl-C itself.
            boolean dumb = terminal instanceof DumbTerminal;
            if (!dumb) cooked(terminal);
            Object previousInt = dumb ? Signals.register("INT", () -> terminal.raise(Terminal.Signal.INT)) : null;
            AtomicBoolean stop = new AtomicBoolean();
            // Ctrl-C while the model writes ends that answer; while typing, the line editor handles it instead.
            terminal.handle(Terminal.Signal.INT, s -> stop.set(true));
            boolean colour = Caps.fromSystem().colour() && !dumb && !Terminal.TYPE_DUMB.equals(terminal.getType())
                    && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
            ChatOutput out = new ChatOutput(terminal.writer(), colour, stop, terminal::getWidth);
            try (JLineSource in = new JLineSource(terminal, history)) {
                repl.run(in, out);
            } finally {
                if (previousInt != null) Signals.unregister("INT", previousInt);
            }
            out.endLine();
        }
    }

    /** Plain lines in, plain text out: no prompt editing, no escape codes; ends at the end of the input. */
    public static void runPlain(ChatRepl repl, InputStream in, PrintWriter out) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        repl.run(new PlainLineSource(r, out), new ChatOutput(out, false, new AtomicBoolean()));
        out.flush();
    }

    /**
     * Whether standard input and output are both a terminal. Before Java 22 a console exists only then; from 22 on
     * it always exists and says so itself.
     */
    public static boolean stdioIsTerminal() {
        return llmfs.tui.Tty.stdio();
    }

    /**
     * Line-at-a-time mode with echo and signals, whatever mode the terminal was left in (the full-screen tutor
     * turns them off); the terminal restores its earlier mode when it is closed.
     */
    private static void cooked(Terminal t) {
        Attributes a = new Attributes(t.getAttributes());
        a.setLocalFlags(EnumSet.of(Attributes.LocalFlag.ICANON, Attributes.LocalFlag.ECHO,
                Attributes.LocalFlag.ISIG, Attributes.LocalFlag.IEXTEN), true);
        a.setInputFlag(Attributes.InputFlag.ICRNL, true);
        a.setOutputFlags(EnumSet.of(Attributes.OutputFlag.OPOST, Attributes.OutputFlag.ONLCR), true);
        // The full-screen tutor reads Ctrl-C and Ctrl-D as keys, with no interrupt character at all.
        a.setControlChar(Attributes.ControlChar.VINTR, 'C' - '@');
        a.setControlChar(Attributes.ControlChar.VEOF, 'D' - '@');
        t.setAttributes(a);
    }
}
