package llmfs.tutor.check;

import java.util.Objects;

/**
 * The outcome of checking one exercise, ready to show to the learner.
 *
 * @param kind          what happened
 * @param headline      one line saying what happened, e.g. {@code "encode(\"abc\") returned [0, 1] but expected [0, 1, 2]"}
 * @param details       more lines (diagnostics, stack frames, a diff); empty if there is nothing more
 * @param likelyBug     name of the known mistake the wrong answer matches, or null
 * @param maxError      the largest absolute difference from the expected numbers, or null when not numeric
 * @param firstDiff     the first element that differs, formatted, or null
 * @param learnerOutput what the learner's code printed (first 4 KB), empty if nothing
 * @param millis        how long the check took, from reading the file to the verdict
 * @param seed          the random seed the check used; pass it again to reproduce a failure
 */
public record Verdict(Kind kind, String headline, String details, String likelyBug, Double maxError,
                      String firstDiff, String learnerOutput, long millis, long seed) {

    /** What kind of outcome a check had. */
    public enum Kind {
        /** The code is correct. */
        PASS,
        /** The code ran but gave a wrong answer (or is not implemented yet). */
        FAIL,
        /** The code does not compile. */
        COMPILE_ERROR,
        /** The code ran past its time limit and was stopped. */
        TIMEOUT,
        /** The code threw an exception. */
        EXCEPTION,
        /** The code ended the program (System.exit or Runtime.halt). */
        EXIT,
        /** The code used more memory than the check allows. */
        OUT_OF_MEMORY,
        /** The code recursed too deeply. */
        STACK_OVERFLOW,
        /** The tutor itself failed: a bug in the tutor or the course, not in the learner's code. */
        INTERNAL
    }

    public Verdict {
        Objects.requireNonNull(kind, "kind");
        headline = headline == null ? "" : headline;
        details = details == null ? "" : details;
        learnerOutput = learnerOutput == null ? "" : learnerOutput;
    }

    /** A verdict with only a kind and a headline. */
    public static Verdict of(Kind kind, String headline, String details) {
        return new Verdict(kind, headline, details, null, null, null, "", 0, 0);
    }

    /** True only for {@link Kind#PASS}. */
    public boolean passed() {
        return kind == Kind.PASS;
    }

    /** The same verdict with a different duration. */
    public Verdict withMillis(long newMillis) {
        return new Verdict(kind, headline, details, likelyBug, maxError, firstDiff, learnerOutput, newMillis, seed);
    }

    /** The same verdict with a different seed. */
    public Verdict withSeed(long newSeed) {
        return new Verdict(kind, headline, details, likelyBug, maxError, firstDiff, learnerOutput, millis, newSeed);
    }

    /** The same verdict with {@code note} appended to the details. */
    public Verdict withNote(String note) {
        String d = details.isEmpty() ? note : details + "\n" + note;
        return new Verdict(kind, headline, d, likelyBug, maxError, firstDiff, learnerOutput, millis, seed);
    }
}
