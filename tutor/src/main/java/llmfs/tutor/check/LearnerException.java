package llmfs.tutor.check;

/**
 * Carries an exception (or error) thrown by the learner's code out of {@link CheckContext#call}, so the check
 * process can tell the learner's exceptions from bugs in the check itself.
 */
public final class LearnerException extends RuntimeException {
    public LearnerException(Throwable thrownByLearner) {
        super(thrownByLearner.toString(), thrownByLearner, false, false);
    }

    /** What the learner's code threw. */
    public Throwable thrown() {
        return getCause();
    }
}
