package llmfs.tutor.course;

import java.nio.file.Path;

/**
 * One lesson: a Markdown page the learner reads.
 *
 * @param id     unique lesson id, e.g. {@code "1-1"}
 * @param partId the part the lesson belongs to
 * @param title  shown in menus
 * @param file   path of the Markdown file, relative to {@code exercises/}
 * @param path   the same file, resolved
 */
public record Lesson(String id, int partId, String title, String file, Path path) {
}
