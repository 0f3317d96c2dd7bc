package llmfs.tutor.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One exercise: a Java file the learner completes, and the check that judges it.
 *
 * @param id           {@code PART.N}, e.g. {@code "1.2"}
 * @param partId       the part it belongs to (the {@code PART} of the id)
 * @param title        shown in menus
 * @param file         the learner's file, relative to {@code exercises/} (and to the workspace), e.g.
 *                     {@code part1/Vocabulary.java}
 * @param check        fully qualified name of the {@code ExerciseCheck} class that judges it
 * @param timeoutMs    how long the learner's code may run during a check
 * @param hints        hints in the order they are revealed (at least two)
 * @param afterLesson  id of the lesson that introduces it, or null
 * @param exercisesDir the course's {@code exercises/} folder, for resolving the template and solution
 */
public record Exercise(String id, int partId, String title, String file, String check, long timeoutMs,
                       List<String> hints, String afterLesson, Path exercisesDir) {

    /** Used when course.json gives no {@code timeoutMs}. */
    public static final long DEFAULT_TIMEOUT_MS = 5000;

    public Exercise {
        hints = List.copyOf(hints);
    }

    /** The exercise number within its part: 2 for {@code "1.2"}. */
    public int number() {
        return Integer.parseInt(id.substring(id.indexOf('.') + 1));
    }

    /** The file's name without folders, e.g. {@code Vocabulary.java}. */
    public String fileName() {
        return Path.of(file).getFileName().toString();
    }

    /** The top-level class the file must declare, e.g. {@code Vocabulary}. */
    public String className() {
        String name = fileName();
        return name.endsWith(".java") ? name.substring(0, name.length() - 5) : name;
    }

    /** The file's folder relative to {@code exercises/}, e.g. {@code part1}; empty if none. */
    public String directory() {
        Path parent = Path.of(file).getParent();
        return parent == null ? "" : parent.toString();
    }

    /** The starting file copied into the learner's workspace: {@code exercises/<file>}. */
    public Path template() {
        return exercisesDir.resolve(file);
    }

    /** The reference solution: {@code exercises/solutions/<file>} (it may be absent in a trimmed course). */
    public Path solution() {
        return exercisesDir.resolve("solutions").resolve(file);
    }

    /**
     * The known-wrong variants, {@code exercises/wrong/<dir>/<Class>.<variant>.java}, keyed by variant name and
     * sorted by it. Each must fail its check and be named by it as the likely bug.
     */
    public Map<String, Path> wrongVariants() {
        Path dir = exercisesDir.resolve("wrong").resolve(directory());
        Map<String, Path> variants = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return variants;
        }
        String prefix = className() + ".";
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(".java") && name.length() > prefix.length() + 5) {
                    variants.put(name.substring(prefix.length(), name.length() - 5), p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return variants;
    }

    @Override
    public String toString() {
        return id + " " + title;
    }
}
