package llmfs.tutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the project's files live: the folder that holds {@code exercises/course.json} (and {@code corpora/}).
 *
 * <p>{@link #locate()} looks, in order, at the system property {@code llmfs.home}, the environment variable
 * {@code TUTOR_HOME}, and then walks up from the current directory to the first directory that contains
 * {@code exercises/course.json}. A property or variable that is set but points to the wrong place is an error
 * rather than silently ignored, so a typo is noticed.
 */
public final class ProjectHome {
    /** System property that names the project root. */
    public static final String PROPERTY = "llmfs.home";
    /** Environment variable that names the project root. */
    public static final String ENV = "TUTOR_HOME";

    private static final String COURSE_FILE = "exercises/course.json";

    private final Path root;

    private ProjectHome(Path root) {
        this.root = root;
    }

    /**
     * Finds the project root from {@code -Dllmfs.home}, {@code TUTOR_HOME} or the current directory.
     *
     * @throws IllegalStateException with a message telling the learner how to fix it, if nothing is found
     */
    public static ProjectHome locate() {
        return locate(System.getProperty(PROPERTY), System.getenv(ENV), Path.of("").toAbsolutePath());
    }

    /**
     * The lookup behind {@link #locate()}, with its three inputs made explicit.
     *
     * @param property value of {@code llmfs.home}, or null
     * @param env      value of {@code TUTOR_HOME}, or null
     * @param startDir the directory to walk up from
     */
    public static ProjectHome locate(String property, String env, Path startDir) {
        if (property != null && !property.isBlank()) {
            return at(Path.of(property), "the system property " + PROPERTY);
        }
        if (env != null && !env.isBlank()) {
            return at(Path.of(env), "the environment variable " + ENV);
        }
        Path start = startDir.toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(COURSE_FILE))) {
                return new ProjectHome(dir);
            }
        }
        throw new IllegalStateException("Cannot find the course files (" + COURSE_FILE + ") in " + start
                + " or any folder above it. Start the tutor from inside the project folder, or set "
                + ENV + "=/path/to/the/project (or -D" + PROPERTY + "=/path/to/the/project).");
    }

    /** A project rooted at {@code root}; fails if {@code root/exercises/course.json} is missing. */
    public static ProjectHome at(Path root) {
        return at(root, "the given path");
    }

    private static ProjectHome at(Path root, String source) {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(COURSE_FILE))) {
            throw new IllegalStateException(source + " points to " + dir + ", but " + dir.resolve(COURSE_FILE)
                    + " does not exist. Point it at the project folder (the one that contains exercises/).");
        }
        return new ProjectHome(dir);
    }

    /** The project folder. */
    public Path root() {
        return root;
    }

    /** The {@code exercises/} folder: course.json, templates, solutions, lessons. */
    public Path exercises() {
        return root.resolve("exercises");
    }

    /** The {@code corpora/} folder with the training texts (may not exist yet). */
    public Path corpora() {
        return root.resolve("corpora");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectHome other && other.root.equals(root);
    }

    @Override
    public int hashCode() {
        return Objects.hash(root);
    }

    @Override
    public String toString() {
        return "ProjectHome[" + root + "]";
    }
}
