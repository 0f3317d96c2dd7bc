package llmfs.tui.serve;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Turns every carriage return into a line feed. An SSH client in raw mode sends CR for Enter, with no terminal
 * driver on the server to translate it (ICRNL), and Lanterna's decoder waits after a bare CR for a following byte,
 * so Enter would seem to do nothing until the next key.
 */
final class CrToLfInput extends FilterInputStream {
    CrToLfInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        return b == '\r' ? '\n' : b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = off; i < off + n; i++) if (buf[i] == '\r') buf[i] = '\n';
        return n;
    }
}
