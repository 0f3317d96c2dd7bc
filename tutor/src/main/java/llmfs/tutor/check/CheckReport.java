package llmfs.tutor.check;

/**
 * What an {@link ExerciseCheck} concluded. Build one with {@link #pass(String)} or {@link #fail(String, String)}
 * and add the optional facts with the {@code with...} methods.
 *
 * @param passed    whether the learner's code is correct
 * @param headline  one line for the learner
 * @param details   more lines, or empty
 * @param maxError  largest absolute error against the expected numbers, or null
 * @param firstDiff the first differing element, formatted, or null
 * @param likelyBug the name of the known mistake the answer matches (see {@link WrongVariants}), or null
 */
public record CheckReport(boolean passed, String headline, String details, Double maxError, String firstDiff,
                          String likelyBug) {

    public CheckReport {
        headline = headline == null ? "" : headline;
        details = details == null ? "" : details;
    }

    /** The code is correct; {@code message} says what was verified. */
    public static CheckReport pass(String message) {
        return new CheckReport(true, message, "", null, null, null);
    }

    /** The code is wrong: {@code headline} says how in one line, {@code details} may add more lines. */
    public static CheckReport fail(String headline, String details) {
        return new CheckReport(false, headline, details, null, null, null);
    }

    /** This report with the largest absolute error recorded. */
    public CheckReport withMaxError(double error) {
        return new CheckReport(passed, headline, details, error, firstDiff, likelyBug);
    }

    /** This report with the first differing element recorded. */
    public CheckReport withFirstDiff(String diff) {
        return new CheckReport(passed, headline, details, maxError, diff, likelyBug);
    }

    /** This report naming the known mistake the answer matches. */
    public CheckReport withLikelyBug(String variant) {
        return new CheckReport(passed, headline, details, maxError, firstDiff, variant);
    }
}
