package llmfs.tutor;

import llmfs.tutor.course.Course;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates the small test course and learner fixtures under the test resources. */
public final class TestCourse {
    private TestCourse() {
    }

    /** {@code testcourse/exercises} (holds course.json). */
    public static Path exercisesDir() {
        return resource("/testcourse/exercises/course.json").getParent();
    }

    /** The test course, loaded. */
    public static Course load() {
        return Course.load(exercisesDir());
    }

    /** A learner fixture, e.g. {@code learner("Add.loop.java")}. */
    public static Path learner(String name) {
        return resource("/learner/" + name);
    }

    private static Path resource(String name) {
        URL url = TestCourse.class.getResource(name);
        if (url == null) throw new IllegalStateException("test resource missing: " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
