package llmfs.tutor.check;

import java.util.Map;

/**
 * One check for the check process to run.
 *
 * @param checkClass fully qualified name of the {@link ExerciseCheck} to run
 * @param sourceFile the learner's file name, e.g. {@code Vocabulary.java}, for messages
 * @param classes    the learner's compiled classes, binary name to class-file bytes
 * @param seed       the seed the check draws its inputs from
 * @param timeoutMs  how long the learner's code may run
 */
public record CheckRequest(String checkClass, String sourceFile, Map<String, byte[]> classes, long seed,
                           long timeoutMs) {
    public CheckRequest {
        classes = Map.copyOf(classes);
        if (timeoutMs <= 0) throw new IllegalArgumentException("timeoutMs must be positive, got " + timeoutMs);
    }
}
