package llmfs.tui.chat;

import java.io.IOException;

/** Where the chat's input lines come from: an interactive line editor, or plain lines from a pipe or a test. */
public interface LineSource extends AutoCloseable {
    /**
     * Shows {@code prompt} (when there is someone to see it) and reads one line.
     *
     * @return the line without its line break, or null at the end of the input (Ctrl-D, end of a pipe)
     * @throws Interrupted when Ctrl-C was pressed while typing
     */
    String readLine(String prompt) throws Interrupted, IOException;

    @Override
    void close() throws IOException;

    /** Ctrl-C while a line was being typed; {@link #partial()} is what had been typed so far. */
    final class Interrupted extends Exception {
        private final String partial;

        public Interrupted(String partial) {
            super("interrupted", null, false, false);
            this.partial = partial == null ? "" : partial;
        }

        public String partial() {
            return partial;
        }
    }
}
