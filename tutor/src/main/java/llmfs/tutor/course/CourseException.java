package llmfs.tutor.course;

import java.util.List;

/**
 * The course file could not be read or is inconsistent. The message lists every problem found, each naming
 * the entry at fault, so the course author can fix them all in one go.
 */
public final class CourseException extends RuntimeException {
    private final List<String> problems;

    public CourseException(String source, List<String> problems) {
        super(format(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** The individual problems, one sentence each. */
    public List<String> problems() {
        return problems;
    }

    private static String format(String source, List<String> problems) {
        StringBuilder sb = new StringBuilder(source).append(" has ").append(problems.size())
                .append(problems.size() == 1 ? " problem:" : " problems:");
        for (String p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }
}
