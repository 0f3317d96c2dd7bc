package llmfs.tutor.workspace;

import java.time.Instant;

/**
 * The recorded progress on one exercise.
 *
 * @param id       exercise id, e.g. {@code "1.2"}
 * @param status   where the learner stands
 * @param updated  when an attempt or hint was last recorded; null when not started
 * @param attempts how many times it was checked
 * @param hints    how many hints were revealed
 */
public record ExerciseState(String id, ExerciseStatus status, Instant updated, int attempts, int hints) {

    /** The state of an exercise with nothing recorded. */
    public static ExerciseState notStarted(String id) {
        return new ExerciseState(id, ExerciseStatus.NOT_STARTED, null, 0, 0);
    }

    /** True once it has passed. */
    public boolean passed() {
        return status == ExerciseStatus.PASSED;
    }
}
