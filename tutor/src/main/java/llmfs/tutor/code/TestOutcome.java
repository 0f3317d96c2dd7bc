package llmfs.tutor.code;

/** How one method fared on its unit tests; the bench counts failures by these reasons. */
public enum TestOutcome {
    PASS("passes"),
    DOES_NOT_COMPILE("does not compile"),
    WRONG_ANSWER("wrong answer"),
    CRASH("throws or crashes"),
    TIMEOUT("timeout"),
    FORBIDDEN_API("forbidden API"),
    INTERNAL("tutor error");

    private final String label;

    TestOutcome(String label) {
        this.label = label;
    }

    /** Words for tables and messages. */
    public String label() {
        return label;
    }
}
