package llmfs.tutor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectHomeTest {
    @TempDir
    Path tmp;

    private Path project(String name) throws IOException {
        Path root = tmp.resolve(name);
        Files.createDirectories(root.resolve("exercises"));
        Files.writeString(root.resolve("exercises/course.json"), "{}");
        return root;
    }

    @Test
    void walksUpFromANestedDirectory() throws IOException {
        Path root = project("p");
        Path deep = Files.createDirectories(root.resolve("workspace/part1"));
        ProjectHome home = ProjectHome.locate(null, null, deep);
        assertEquals(root.toRealPath(), home.root().toRealPath());
        assertEquals(home.root().resolve("exercises"), home.exercises());
        assertEquals(home.root().resolve("corpora"), home.corpora());
    }

    @Test
    void propertyWinsOverEnvironmentAndCurrentDirectory() throws IOException {
        Path byProperty = project("a");
        Path byEnv = project("b");
        Path cwd = project("c");
        assertEquals(byProperty.toRealPath(), ProjectHome.locate(byProperty.toString(), byEnv.toString(), cwd).root().toRealPath());
        assertEquals(byEnv.toRealPath(), ProjectHome.locate(null, byEnv.toString(), cwd).root().toRealPath());
        assertEquals(cwd.toRealPath(), ProjectHome.locate("", " ", cwd).root().toRealPath());
    }

    @Test
    void aSettingThatPointsNowhereIsAnErrorNamingIt() throws IOException {
        Path cwd = project("c");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ProjectHome.locate(null, tmp.resolve("nope").toString(), cwd));
        assertTrue(e.getMessage().contains("TUTOR_HOME"), e.getMessage());
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void notFoundTellsHowToFixIt() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty/sub"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ProjectHome.locate(null, null, empty));
        assertTrue(e.getMessage().contains("exercises/course.json"), e.getMessage());
        assertTrue(e.getMessage().contains("TUTOR_HOME="), e.getMessage());
    }
}
