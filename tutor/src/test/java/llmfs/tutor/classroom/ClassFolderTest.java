package llmfs.tutor.classroom;

import llmfs.tutor.TestCourse;
import llmfs.tutor.check.Verdict;
import llmfs.tutor.course.Course;
import llmfs.tutor.workspace.Progress;
import llmfs.tutor.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassFolderTest {
    @TempDir
    Path tmp;

    @Test
    void namesThatCouldLeaveTheirFolderAreRejected() {
        for (String bad : new String[]{"..", "../ada", "a/b", "Ada", "", "-x", "a b", "x".repeat(33), "ada\n"}) {
            assertFalse(ClassFolder.validName(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> ClassFolder.requireValidName(bad));
        }
        assertTrue(ClassFolder.validName("ada"));
        assertTrue(ClassFolder.validName("j-smith_2"));
        ClassFolder f = new ClassFolder(tmp);
        assertTrue(f.member("..").isEmpty());
    }

    @Test
    void membersHaveTheirOwnPrivateFoldersAndOneRole() throws Exception {
        ClassFolder f = new ClassFolder(tmp.resolve("class"));
        ClassFolder.Member ada = f.add("ada", ClassFolder.Role.LEARNER);
        f.add("tom", ClassFolder.Role.TEACHER);
        assertEquals(tmp.resolve("class/learners/ada/workspace"), ada.workspace());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ada.dir())));
        assertEquals(ClassFolder.Role.TEACHER, f.member("tom").orElseThrow().role());
        assertEquals(ClassFolder.Role.LEARNER, f.member("ada").orElseThrow().role());
        assertTrue(f.member("bob").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> f.add("tom", ClassFolder.Role.LEARNER));
        assertEquals(List.of("ada"), f.learners().stream().map(ClassFolder.Member::name).toList());
        assertEquals(List.of("tom"), f.teachers().stream().map(ClassFolder.Member::name).toList());
    }

    @Test
    void statusReadsEachLearnersProgressPerPart() {
        Course course = TestCourse.load();
        ClassFolder f = new ClassFolder(tmp.resolve("class"));
        ClassFolder.Member ada = f.add("ada", ClassFolder.Role.LEARNER);
        f.add("bob", ClassFolder.Role.LEARNER);
        Progress p = Progress.load(ada.workspace().resolve(Workspace.PROGRESS_FILE));
        p.recordAttempt("1.1", Verdict.of(Verdict.Kind.FAIL, "wrong", ""));
        p.recordAttempt("1.1", Verdict.of(Verdict.Kind.PASS, "ok", ""));
        p.recordAttempt("2.1", Verdict.of(Verdict.Kind.PASS, "ok", ""));
        p.markLab("adder", "checkpoints/adder.safetensors", 10, 1.5, 1.75);

        ClassStatus s = ClassStatus.read(f, course);
        assertEquals(2, s.rows().size());
        ClassStatus.Row a = s.rows().get(0);
        assertEquals("ada", a.learner());
        assertEquals("1/2 lab 1.7500", a.parts().get(0).text());
        assertEquals("1/1", a.parts().get(1).text());
        assertEquals(2, a.passed());
        assertEquals(3, a.attempts());
        ClassStatus.Row b = s.rows().get(1);
        assertEquals("0/2", b.parts().get(0).text());
        assertTrue(b.lastActive().isEmpty());
        List<String> table = s.table(false);
        assertEquals(4, table.size(), String.join("\n", table));
        assertTrue(table.get(0).startsWith("learner"), table.get(0));
        assertTrue(table.get(2).startsWith("ada") && table.get(2).contains("1/2 lab 1.7500") && table.get(2).contains("2/3"),
                table.get(2));
        assertTrue(table.get(3).startsWith("bob") && table.get(3).contains("0/3"), table.get(3));
    }
}
