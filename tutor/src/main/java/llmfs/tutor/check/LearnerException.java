package llmfs.tutor.check;

/**
 * Carries an exception (or error) thrown by the learner's code out of {@link CheckContext#call}, so the check
 * process can tell the learner's exceptions from bugs in the check itself.
 */
public final class LearnerException extends RuntimeException {
    private final String input;

    public LearnerException(Throwable thrownByLearner) {
        this(thrownByLearner, null);
    }

    /** @param input the call that threw, as the learner would write it (see {@link CheckContext#input}), or null */
    public LearnerException(Throwable thrownByLearner, String input) {
        super(thrownByLearner.toString(), thrownByLearner, false, false);
        this.input = input;
    }

    /** The call that threw, e.g. {@code merge([a, b], "a", "b")}, or null when the check did not say. */
    public String input() {
        return input;
    }

    /** What the learner's code threw. */
    public Throwable thrown() {
        return getCause();
    }
}
