package llmfs.tutor.workspace;

import java.util.Locale;

/** Where the learner stands on one exercise. The lower-case names are the words used in the progress file. */
public enum ExerciseStatus {
    /** Nothing recorded yet. Never written to the file (an exercise without a line is not started). */
    NOT_STARTED,
    /** Hints were taken but no check was run yet. */
    STARTED,
    /** Checked at least once, never passed. */
    FAILED,
    /** Passed at least once (later failing checks do not take that away). */
    PASSED;

    /** The word in the progress file: {@code started}, {@code failed}, {@code passed}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status written as {@code word}, or null if it is not one. */
    static ExerciseStatus fromWord(String word) {
        for (ExerciseStatus s : values()) {
            if (s != NOT_STARTED && s.word().equals(word)) return s;
        }
        return null;
    }
}
