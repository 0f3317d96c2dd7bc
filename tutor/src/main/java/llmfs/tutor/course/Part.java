package llmfs.tutor.course;

import java.util.List;
import java.util.Optional;

/**
 * One part of the course: its lessons, its exercises (in order) and an optional closing lab.
 *
 * @param id        part number, ascending through the course
 * @param title     shown in menus
 * @param summary   one paragraph describing the part
 * @param lessons   lessons in reading order
 * @param exercises exercises in order
 * @param lab       the closing lab, or null if the part has none
 */
public record Part(int id, String title, String summary, List<Lesson> lessons, List<Exercise> exercises,
                   LabSpec lab) {

    public Part {
        lessons = List.copyOf(lessons);
        exercises = List.copyOf(exercises);
    }

    /** The closing lab, if the part has one. */
    public Optional<LabSpec> labSpec() {
        return Optional.ofNullable(lab);
    }
}
