package llmfs.tui.chat;

/** A lab's model cannot be chatted with (not trained yet, or its checkpoint is damaged); the message says what to do. */
public final class ChatLoadException extends RuntimeException {
    public ChatLoadException(String message) {
        super(message);
    }

    public ChatLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
