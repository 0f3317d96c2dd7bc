package llmfs.tui.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Lines from a pipe or file (no line editing, no escape codes). Each line is written back after its prompt, so the
 * output reads like a transcript of a session: {@code names> su} followed by the answer.
 */
public final class PlainLineSource implements LineSource {
    private final BufferedReader in;
    private final PrintWriter transcript;

    /**
     * @param in         the input lines
     * @param transcript where prompts and the lines read are repeated; null to repeat nothing
     */
    public PlainLineSource(BufferedReader in, PrintWriter transcript) {
        this.in = in;
        this.transcript = transcript;
    }

    @Override
    public String readLine(String prompt) throws IOException {
        String line = in.readLine();
        if (line != null && transcript != null) {
            transcript.println(prompt + line);
            transcript.flush();
        }
        return line;
    }

    @Override
    public void close() {
        // The input belongs to the caller (usually standard input), so it stays open.
    }
}
