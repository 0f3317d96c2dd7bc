package llmfs.tutor.check;

/**
 * Thrown inside a check to stop it with a FAIL verdict, for instance by {@link CheckContext} when the learner's
 * class or method cannot be found. The report carries the learner-facing message.
 */
public final class CheckFailure extends RuntimeException {
    private final transient CheckReport report;

    public CheckFailure(CheckReport report) {
        super(report.headline(), null, false, false);
        if (report.passed()) throw new IllegalArgumentException("a CheckFailure needs a failing report");
        this.report = report;
    }

    /** Shortcut for {@code new CheckFailure(CheckReport.fail(headline, details))}. */
    public CheckFailure(String headline, String details) {
        this(CheckReport.fail(headline, details));
    }

    /** The failing report to show. */
    public CheckReport report() {
        return report;
    }
}
