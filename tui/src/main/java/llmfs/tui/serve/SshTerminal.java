package llmfs.tui.serve;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An ANSI terminal at the far end of an SSH channel: bytes in and out of the channel, UTF-8, and the size the client
 * reported (in its pty request, then with every window-change). Lanterna's own factory would run {@code stty} on the
 * server's terminal instead, which is not the learner's.
 */
final class SshTerminal extends ANSITerminal {
    private volatile TerminalSize size;

    SshTerminal(InputStream in, OutputStream out, int columns, int rows) {
        super(new CrToLfInput(in), out, StandardCharsets.UTF_8);
        this.size = new TerminalSize(Math.max(1, columns), Math.max(1, rows));
    }

    @Override
    protected TerminalSize findTerminalSize() {
        return size; // never ask the client (a cursor-position probe would race with the learner's keys)
    }

    /** The client's window changed size. */
    void resized(int columns, int rows) {
        size = new TerminalSize(Math.max(1, columns), Math.max(1, rows));
        onResized(size);
    }
}
