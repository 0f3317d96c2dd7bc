package llmfs.tutor.course;

import llmfs.tutor.ProjectHome;
import llmfs.tutor.check.CheckService;
import llmfs.tutor.check.Verdict;
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
 * The course contract over the real {@code exercises/course.json}: every untouched template fails with a message
 * that says what to do, every reference solution passes, and every known-wrong variant fails and is named.
 */
class RealCourseContractTest {
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
    List<DynamicTest> everyTemplateFailsEverySolutionPassesEveryVariantIsNamed() {
        Course course = Course.load(ProjectHome.locate().exercises());
        List<DynamicTest> tests = new ArrayList<>();
        assertFalse(course.exercises().isEmpty(), "the course has exercises");
        for (Exercise e : course.exercises()) {
            tests.add(DynamicTest.dynamicTest(e.id() + " solution passes", () -> {
                Verdict v = service.checkFile(e, e.solution());
                assertEquals(Verdict.Kind.PASS, v.kind(), v::toString);
            }));
            tests.add(DynamicTest.dynamicTest(e.id() + " template fails and says what to do", () -> {
                Verdict v = service.checkFile(e, e.template());
                assertEquals(Verdict.Kind.FAIL, v.kind(), v::toString);
                assertTrue(v.headline().startsWith("not implemented yet"), v.headline());
                assertTrue(v.headline().length() > "not implemented yet: ".length() + 10, v.headline());
            }));
            Map<String, Path> variants = e.wrongVariants();
            tests.add(DynamicTest.dynamicTest(e.id() + " has at least two named wrong variants",
                    () -> assertTrue(variants.size() >= 2, e.id() + " has " + variants.keySet())));
            variants.forEach((name, file) -> tests.add(DynamicTest.dynamicTest(e.id() + " variant " + name, () -> {
                Verdict v = service.checkFile(e, file);
                assertEquals(Verdict.Kind.FAIL, v.kind(), v::toString);
                assertEquals(name, v.likelyBug(), v::toString);
            })));
            tests.add(DynamicTest.dynamicTest(e.id() + " has at least two hints",
                    () -> assertTrue(e.hints().size() >= 2, e.id() + " hints: " + e.hints())));
        }
        return tests;
    }
}
