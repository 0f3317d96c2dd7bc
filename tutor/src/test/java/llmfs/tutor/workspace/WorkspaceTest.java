package llmfs.tutor.workspace;

import llmfs.tutor.TestCourse;
import llmfs.tutor.course.Course;
import llmfs.tutor.course.Exercise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceTest {
    @TempDir
    Path tmp;

    private final Course course = TestCourse.load();

    @Test
    void firstRunCopiesEveryTemplateAndWritesAReadme() throws IOException {
        Workspace ws = new Workspace(tmp.resolve("ws"));
        assertFalse(ws.exists());
        List<Path> copied = ws.ensureCreated(course);
        assertEquals(3, copied.size());
        for (Exercise e : course.exercises()) {
            assertEquals(Files.readString(e.template()), Files.readString(ws.file(e)));
            assertTrue(ws.isUntouched(e));
        }
        assertTrue(Files.readString(ws.dir().resolve("README.txt")).contains("workspace"));
        assertEquals(ws.dir().resolve("part1/Add.java"), ws.file(course.exercise("1.1")));
    }

    @Test
    void neverOverwritesTheLearnersFiles() throws IOException {
        Workspace ws = new Workspace(tmp.resolve("ws"));
        ws.ensureCreated(course);
        Exercise add = course.exercise("1.1");
        Files.writeString(ws.file(add), "my work");
        Exercise mean = course.exercise("2.1");
        Files.delete(ws.file(mean));

        List<Path> copied = ws.ensureCreated(course);

        assertEquals(List.of(ws.file(mean)), copied);
        assertEquals("my work", Files.readString(ws.file(add)));
        assertFalse(ws.isUntouched(add));
    }

    @Test
    void resetRestoresTheTemplateAndKeepsABackup() throws IOException {
        Workspace ws = new Workspace(tmp.resolve("ws"));
        ws.ensureCreated(course);
        Exercise add = course.exercise("1.1");
        Files.writeString(ws.file(add), "attempt one");

        Optional<Path> first = ws.reset(add);
        assertTrue(first.isPresent());
        assertEquals("attempt one", Files.readString(first.get()));
        assertTrue(first.get().getFileName().toString().startsWith("Add.java.bak-"), first.get().toString());
        assertTrue(ws.isUntouched(add));

        // A second reset within the same second must not overwrite the first backup.
        Files.writeString(ws.file(add), "attempt two");
        Path second = ws.reset(add).orElseThrow();
        assertFalse(second.equals(first.get()));
        assertEquals("attempt one", Files.readString(first.get()));
        assertEquals("attempt two", Files.readString(second));

        // Resetting an untouched file needs no backup.
        assertTrue(ws.reset(add).isEmpty());
        try (Stream<Path> files = Files.list(ws.file(add).getParent())) {
            assertEquals(2, files.filter(p -> p.getFileName().toString().contains(".bak-")).count());
        }
    }

    @Test
    void untouchedIgnoresLineEndings() throws IOException {
        Workspace ws = new Workspace(tmp.resolve("ws"));
        ws.ensureCreated(course);
        Exercise add = course.exercise("1.1");
        Files.writeString(ws.file(add), Files.readString(add.template()).replace("\n", "\r\n"));
        assertTrue(ws.isUntouched(add));
        Files.writeString(ws.file(add), Files.readString(add.template()) + "// note\n");
        assertFalse(ws.isUntouched(add));
    }

    @Test
    void locationComesFromTheCommandLineThenTheEnvironmentThenTheDefault() {
        assertEquals(tmp.resolve("cli").toAbsolutePath(), Workspace.locate("cli", "env", tmp).dir());
        assertEquals(tmp.resolve("env").toAbsolutePath(), Workspace.locate(null, "env", tmp).dir());
        assertEquals(tmp.resolve("workspace").toAbsolutePath(), Workspace.locate(null, null, tmp).dir());
        assertEquals(tmp.resolve("workspace/progress.txt"), Workspace.locate(null, null, tmp).progressFile());
    }

    @Test
    void aWorkspaceThatCannotBeCreatedSaysWhy() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "a file, not a folder");
        java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> Workspace.createFolder(file.resolve("ws/part1")));
        assertEquals("cannot create the folder " + file.resolve("ws/part1") + ": " + file
                + " is a file, not a folder; choose another --workspace", e.getMessage());

        // Permission denied cannot be provoked as root, so the reason is checked for the exception the JDK throws.
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        String why = Workspace.reason(locked.resolve("ws"), new java.nio.file.AccessDeniedException(locked.resolve("ws").toString()));
        assertEquals("permission denied (you cannot write to " + locked + "); choose a folder you own with --workspace"
                + " or $TUTOR_WORKSPACE", why);
        assertTrue(Workspace.reason(tmp.resolve("x"), new java.nio.file.FileSystemException(tmp.resolve("x").toString(),
                null, "Read-only file system")).startsWith("the disk is read-only"));
    }
}
