package llmfs.tutor.course;

import llmfs.tutor.ProjectHome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskStatementTest {
    @Test
    void classAndMethodCommentsWithoutTitleOrCheckLine() {
        String src = """
                import java.util.List;

                /**
                 * Exercise 9.1 — a thing.
                 *
                 * First paragraph, written
                 * over two lines with {@code code}.
                 *   x = y + 1        a formula
                 *
                 * Check with `c` in the tutor (or `bin/tutor check 9.1`); `h` shows a hint.
                 */
                public final class Thing {
                    /** Returns {@link #other} twice. */
                    public static int[] twice(List<String> a) {
                        return null;
                    }

                    /** Not public: not part of the task. */
                    static int helper() { return 0; }
                }
                """;
        assertEquals(List.of("First paragraph, written over two lines with code.", "  x = y + 1        a formula", "",
                "twice(…):", "Returns other twice."), TaskStatement.parse(src));
    }

    @Test
    void everyCourseExerciseHasAStatementThatIsNotTheTitle() {
        Course course = Course.load(ProjectHome.locate().exercises());
        for (Exercise e : course.exercises()) {
            List<String> task = TaskStatement.of(e);
            assertFalse(task.isEmpty(), e.id());
            assertTrue(task.stream().noneMatch(l -> l.startsWith("Exercise ") || l.contains("Check with")), e.id() + ": " + task);
        }
    }
}
