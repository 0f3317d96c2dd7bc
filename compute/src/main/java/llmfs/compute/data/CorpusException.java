package llmfs.compute.data;

/**
 * A corpus file could not be used: it is missing, unknown, unreadable or its content does not match the
 * recorded sha256. The message always names the file and says how to repair the situation.
 */
public final class CorpusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String fileName;

    /**
     * @param fileName the corpus file concerned (a bare file name such as {@code names-indian.csv}), or
     *                 {@code checksums.sha256} when the problem is the checksum list itself
     * @param message  what went wrong and what to do about it
     */
    public CorpusException(String fileName, String message) {
        super(message);
        this.fileName = fileName;
    }

    /** Same as {@link #CorpusException(String, String)}, keeping the underlying cause. */
    public CorpusException(String fileName, String message, Throwable cause) {
        super(message, cause);
        this.fileName = fileName;
    }

    /** The corpus file the problem concerns. */
    public String fileName() {
        return fileName;
    }
}
