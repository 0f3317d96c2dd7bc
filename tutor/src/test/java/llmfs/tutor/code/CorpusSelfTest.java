package llmfs.tutor.code;

import llmfs.compute.code.JavaMethod;
import llmfs.compute.code.JavaMethodCorpus;
import llmfs.compute.data.Corpora;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every method of the Part 7 corpus compiles alone and passes its own tests; a broken copy of one does not. */
class CorpusSelfTest {
    private static CodeJudge judge;
    private static JavaMethodCorpus corpus;

    @BeforeAll
    static void setUp() {
        judge = new CodeJudge(20_000); // generous: the machine running the suite may be busy
        judge.warmUp();
        corpus = JavaMethodCorpus.load(Corpora.locate());
    }

    @AfterAll
    static void tearDown() {
        judge.close();
    }

    @TestFactory
    List<DynamicTest> everyReferenceMethodPassesItsTests() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JavaMethod m : corpus.methods()) {
            tests.add(DynamicTest.dynamicTest(m.name(), () -> {
                CodeJudge.Result r = judge.judge(m.source(), m.tests());
                assertEquals(TestOutcome.PASS, r.outcome(), m.name() + ": " + r.message());
            }));
        }
        return tests;
    }

    @Test
    void aWrongMethodFailsAndNamesTheFirstFalseTest() {
        JavaMethod isEven = corpus.find("isEven").orElseThrow();
        String wrong = isEven.source().replace("n % 2 == 0", "n % 2 == 1");
        CodeJudge.Result r = judge.judge(wrong, isEven.tests());
        assertEquals(TestOutcome.WRONG_ANSWER, r.outcome(), r.message());
        assertEquals(0, r.failedTest());
    }

    @Test
    void aMethodThatDoesNotParseDoesNotCompile() {
        JavaMethod factorial = corpus.find("factorial").orElseThrow();
        String cut = factorial.source().substring(0, factorial.source().length() - 3);
        CodeJudge.Result r = judge.judge(cut, factorial.tests());
        assertEquals(TestOutcome.DOES_NOT_COMPILE, r.outcome());
        assertTrue(r.message().startsWith("line "), r.message());
    }
}
