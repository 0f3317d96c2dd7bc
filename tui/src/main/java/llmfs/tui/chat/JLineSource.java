package llmfs.tui.chat;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Lines from a JLine line editor: arrow keys, editing, and a history kept in a file across chats. The line is taken
 * exactly as typed: no history expansion ({@code !}), no quote or backslash processing, since prompts are
 * Shakespeare, not shell commands.
 */
public final class JLineSource implements LineSource {
    private final LineReader reader;
    private final Terminal terminal;

    /**
     * @param terminal the terminal to read from (the caller closes it)
     * @param history  the history file, or null to keep no history
     */
    public JLineSource(Terminal terminal, Path history) {
        this.terminal = terminal;
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnEscapedNewLine(false);
        parser.setQuoteChars(new char[0]);
        parser.setEscapeChars(new char[0]);
        LineReaderBuilder b = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("tutor-chat")
                .parser(parser)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
                .variable(LineReader.HISTORY_SIZE, 1000)
                .variable(LineReader.BELL_STYLE, "none");
        if (history != null) b.variable(LineReader.HISTORY_FILE, history);
        reader = b.build();
    }

    @Override
    public String readLine(String prompt) throws Interrupted {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            newLineIfDumb();
            throw new Interrupted(e.getPartialLine());
        } catch (EndOfFileException e) {
            newLineIfDumb();
            return null;
        }
    }

    /** A full terminal has moved past the prompt by now; a dumb one leaves the cursor after it. */
    private void newLineIfDumb() {
        if (terminal.getType() != null && terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
            terminal.writer().println();
            terminal.flush();
        }
    }

    @Override
    public void close() throws IOException {
        reader.getHistory().save();
    }
}
