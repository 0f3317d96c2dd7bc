package llmfs.tui.chat;

/**
 * A trained model the learner can talk to: it answers each typed line by writing to a {@link ChatOutput} as it
 * samples, and stops early when Ctrl-C asks it to.
 */
public sealed interface ChatModel permits NamesChat, TextChat, InstructChat, CodeChat {
    /** The lab id ({@code names}, {@code shakespeare}, {@code bpe}); also the prompt. */
    String lab();

    /** One line: which model, its parameter count, how far it was trained and its last val loss. */
    String describe();

    /** What typing a line does, for {@code :help}. */
    String usage();

    /**
     * Answers one line of input.
     *
     * @throws IllegalArgumentException when the line cannot be used (e.g. a character the model has no token for);
     *                                  the message says why in one line
     */
    void reply(String line, ChatSettings settings, ChatOutput out);
}
