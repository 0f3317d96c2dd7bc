package llmfs.tutor.check;

import llmfs.tutor.TestCourse;
import llmfs.tutor.course.Course;
import llmfs.tutor.course.Exercise;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The course contract, on the test course: every template is reported as not done, every reference solution
 * passes, and every known-wrong variant fails and is named by its check.
 */
class CourseVariantsTest {
    private static CheckService service;

    @BeforeAll
    static void setUp() {
        service = CheckService.forFiles();
        service.warmUp();
    }

    @AfterAll
    static void tearDown() {
        service.close();
    }

    @TestFactory
    List<DynamicTest> solutionsPassTemplatesAndVariantsFail() {
        Course course = TestCourse.load();
        List<DynamicTest> tests = new ArrayList<>();
        for (Exercise e : course.exercises()) {
            tests.add(DynamicTest.dynamicTest(e.id() + " solution passes", () -> {
                Verdict v = service.checkFile(e, e.solution());
                assertEquals(Verdict.Kind.PASS, v.kind(), v::toString);
            }));
            tests.add(DynamicTest.dynamicTest(e.id() + " template is not implemented yet", () -> {
                Verdict v = service.checkFile(e, e.template());
                assertEquals(Verdict.Kind.FAIL, v.kind(), v::toString);
                assertTrue(v.headline().startsWith("not implemented yet"), v.headline());
            }));
            Map<String, Path> variants = e.wrongVariants();
            assertFalse(variants.isEmpty(), "every test exercise has a wrong variant");
            variants.forEach((name, file) -> tests.add(DynamicTest.dynamicTest(e.id() + " variant " + name, () -> {
                Verdict v = service.checkFile(e, file);
                assertEquals(Verdict.Kind.FAIL, v.kind(), v::toString);
                assertEquals(name, v.likelyBug(), v::toString);
            })));
        }
        return tests;
    }
}
