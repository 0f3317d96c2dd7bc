package llmfs.tutor.lab;

/** Answer lengths the text labs' chats use unless {@code :len} says otherwise. */
public final class TextLabs {
    private TextLabs() {}

    /** Characters a character model's answer runs to (about a dozen lines of verse). */
    public static final int CHARACTER_ANSWER = 300;
    /** Tokens a Part 3 answer runs to (about 300 characters). */
    public static final int BPE_ANSWER = 150;
}
