package llmfs.tutor.course;

import llmfs.tutor.TestCourse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CourseTest {
    @TempDir
    Path tmp;

    @Test
    void loadsTheTestCourse() {
        Course c = TestCourse.load();
        assertEquals("Test Course", c.title());
        assertEquals(List.of(1, 2), c.parts().stream().map(Part::id).toList());
        assertEquals(List.of("1.1", "1.2", "2.1"), c.exercises().stream().map(Exercise::id).toList());

        Exercise scale = c.exercise("1.2");
        assertEquals("part1/Scale.java", scale.file());
        assertEquals("Scale", scale.className());
        assertEquals("Scale.java", scale.fileName());
        assertEquals("part1", scale.directory());
        assertEquals(2, scale.number());
        assertEquals(Exercise.DEFAULT_TIMEOUT_MS, scale.timeoutMs()); // not given in the file
        assertEquals(1500, c.exercise("1.1").timeoutMs());
        assertEquals(3, scale.hints().size());
        assertEquals("1-2", scale.afterLesson());
        assertTrue(Files.isRegularFile(scale.template()));
        assertTrue(Files.isRegularFile(scale.solution()));
        assertEquals(List.of("off-by-one", "scaled-twice"), List.copyOf(scale.wrongVariants().keySet()));

        assertEquals("adder", c.part(1).lab().id());
        assertTrue(c.part(2).labSpec().isEmpty());
        assertEquals(List.of("adder"), c.labs().stream().map(LabSpec::id).toList());
        assertEquals("Arrays", c.lesson("1-2").title());
        assertEquals(List.of(scale), c.exercisesAfterLesson("1-2"));
    }

    @Test
    void orderingCrossesParts() {
        Course c = TestCourse.load();
        assertEquals("1.2", c.next(c.exercise("1.1")).orElseThrow().id());
        assertEquals("2.1", c.next(c.exercise("1.2")).orElseThrow().id());
        assertTrue(c.next(c.exercise("2.1")).isEmpty());
        assertEquals("1.2", c.previous(c.exercise("2.1")).orElseThrow().id());
        assertTrue(c.previous(c.exercise("1.1")).isEmpty());
        assertEquals("1.2", c.firstNotDone(e -> e.id().equals("1.1")).orElseThrow().id());
    }

    @Test
    void unknownIdListsTheValidOnes() {
        Course c = TestCourse.load();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.exercise("1.7"));
        assertEquals("There is no exercise \"1.7\". Valid exercise ids: 1.1, 1.2, 2.1.", e.getMessage());
        assertTrue(c.findExercise("9.9").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> c.part(5));
    }

    // ---- validation ---------------------------------------------------------------------------------------

    /** Writes a course whose single part holds {@code exercisesJson}; the files A.java, B.java and l.md exist. */
    private Path course(String partsJson) throws IOException {
        Path dir = tmp.resolve("ex");
        Files.createDirectories(dir.resolve("p"));
        for (String f : List.of("p/A.java", "p/B.java", "p/l.md")) Files.writeString(dir.resolve(f), "x");
        Files.writeString(dir.resolve("course.json"), "{\"title\":\"T\",\"parts\":[" + partsJson + "]}");
        return dir;
    }

    private static String exercise(String id, String file, String hints) {
        return "{\"id\":\"" + id + "\",\"title\":\"Ex " + id + "\",\"file\":\"" + file + "\",\"check\":\"a.B\",\"hints\":" + hints + "}";
    }

    private static final String TWO = "[\"h1\",\"h2\"]";

    private List<String> problems(String partsJson) throws IOException {
        Path dir = course(partsJson);
        return assertThrows(CourseException.class, () -> Course.load(dir)).problems();
    }

    @Test
    void aValidMinimalCourseLoads() throws IOException {
        Path dir = course("{\"id\":1,\"title\":\"P\",\"exercises\":[" + exercise("1.1", "p/A.java", TWO) + "]}");
        assertEquals(1, Course.load(dir).exercises().size());
    }

    @Test
    void duplicateIdsAreNamed() throws IOException {
        List<String> p = problems("{\"id\":1,\"title\":\"P\",\"exercises\":[" + exercise("1.1", "p/A.java", TWO) + ","
                + exercise("1.1", "p/B.java", TWO) + "]}");
        assertEquals(List.of("exercise \"1.1\" (\"Ex 1.1\"): the id is used by another exercise too; exercise ids must be unique"), p);
    }

    @Test
    void idsMustBePartDotNumber() throws IOException {
        List<String> p = problems("{\"id\":1,\"title\":\"P\",\"exercises\":[" + exercise("one", "p/A.java", TWO) + ","
                + exercise("2.1", "p/B.java", TWO) + "]}");
        assertEquals(2, p.size(), p::toString);
        assertTrue(p.get(0).startsWith("exercise \"one\""), p.get(0));
        assertTrue(p.get(0).contains("PART.N"), p.get(0));
        assertTrue(p.get(1).contains("must start with \"1.\""), p.get(1));
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        List<String> p = problems("{\"id\":1,\"title\":\"P\",\"lessons\":[{\"id\":\"1-1\",\"title\":\"L\",\"file\":\"p/gone.md\"}],"
                + "\"exercises\":[" + exercise("1.1", "p/Missing.java", TWO) + "]}");
        assertEquals(2, p.size(), p::toString);
        assertTrue(p.get(0).startsWith("lesson \"1-1\"") && p.get(0).contains("p/gone.md does not exist"), p.get(0));
        assertTrue(p.get(1).startsWith("exercise \"1.1\"") && p.get(1).contains("p/Missing.java does not exist"), p.get(1));
    }

    @Test
    void everyExerciseNeedsTwoHints() throws IOException {
        List<String> p = problems("{\"id\":1,\"title\":\"P\",\"exercises\":[" + exercise("1.1", "p/A.java", "[\"only one\"]") + "]}");
        assertEquals(List.of("exercise \"1.1\" (\"Ex 1.1\"): has 1 hint; every exercise needs at least 2"), p);
    }

    @Test
    void partsMustAscend() throws IOException {
        List<String> p = problems("{\"id\":2,\"title\":\"Second\",\"exercises\":[" + exercise("2.1", "p/A.java", TWO) + "]},"
                + "{\"id\":1,\"title\":\"First\",\"exercises\":[" + exercise("1.1", "p/B.java", TWO) + "]}");
        assertEquals(List.of("part 1 (\"First\") comes after part 2: part ids must be ascending"), p);
    }

    @Test
    void afterLessonMustExistAndProblemsAreCollectedTogether() throws IOException {
        String ex = "{\"id\":\"1.1\",\"title\":\"Ex\",\"file\":\"p/A.java\",\"check\":\"a.B\",\"hints\":" + TWO
                + ",\"afterLesson\":\"9-9\",\"timeoutMs\":-5}";
        List<String> p = problems("{\"id\":1,\"exercises\":[" + ex + "]}");
        assertEquals(3, p.size(), p::toString);
        assertTrue(p.contains("part 1: \"title\" is missing"), p::toString);
        assertTrue(p.contains("exercise \"1.1\" (\"Ex\"): \"timeoutMs\" must be positive, got -5"), p::toString);
        assertTrue(p.contains("exercise \"1.1\" (\"Ex\"): \"afterLesson\" is \"9-9\", but there is no lesson with that id"), p::toString);
    }

    @Test
    void brokenJsonSaysSo() throws IOException {
        Path dir = course("{\"id\":1,");
        CourseException e = assertThrows(CourseException.class, () -> Course.load(dir));
        assertTrue(e.getMessage().contains("is not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("course.json"), e.getMessage());
    }

    @Test
    void missingCourseFileSaysSo() {
        CourseException e = assertThrows(CourseException.class, () -> Course.load(tmp.resolve("nothing")));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
    }

    @Test
    void wrongVariantsOnlyMatchTheirClass() throws IOException {
        Path dir = course("{\"id\":1,\"title\":\"P\",\"exercises\":[" + exercise("1.1", "p/A.java", TWO) + "]}");
        Files.createDirectories(dir.resolve("wrong/p"));
        for (String f : List.of("A.swap.java", "A.java", "AB.other.java", "B.swap.java", "A.notes.txt")) {
            Files.writeString(dir.resolve("wrong/p").resolve(f), "x");
        }
        Map<String, Path> v = Course.load(dir).exercise("1.1").wrongVariants();
        assertEquals(List.of("swap"), List.copyOf(v.keySet()));
        assertFalse(v.get("swap").toString().contains("B.swap"));
    }
}
