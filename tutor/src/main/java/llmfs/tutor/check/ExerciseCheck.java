package llmfs.tutor.check;

/**
 * Judges one exercise. Implementations live on the tutor's class path, have a public no-argument constructor and
 * are named by the exercise's {@code "check"} entry in course.json. They run inside the check process, never in
 * the tutor itself, so a learner's endless loop or {@code System.exit} cannot harm the tutor.
 *
 * <p>A check reaches the learner's code only through {@link CheckContext} (reflection with friendly messages),
 * compares results with {@link Compare}, and names known mistakes with {@link WrongVariants}.
 */
@FunctionalInterface
public interface ExerciseCheck {
    /**
     * Runs the learner's code and judges it.
     *
     * @return {@link CheckReport#pass(String)} or {@link CheckReport#fail(String, String)}
     * @throws Exception anything else; exceptions from the learner's code (via {@link CheckContext#call}) become
     *                   EXCEPTION verdicts, others mean the check itself is broken
     */
    CheckReport run(CheckContext ctx) throws Exception;
}
