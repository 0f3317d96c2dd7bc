package llmfs.tutor.code;

import llmfs.compute.code.JavaMethod;
import llmfs.compute.code.JavaMethodCorpus;
import llmfs.compute.code.MethodCompleter;
import llmfs.compute.code.PassAtK;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench's accounting, with a scripted "model" whose answers are known. */
class CodeBenchTest {
    private static final String CORPUS = """
            === twice train
            /** Returns twice x. */
            public static int twice(int x) {
                return 2 * x;
            }
            --- tests
            twice(2) == 4
            twice(-3) == -6

            === half heldout
            /** Returns half of x. */
            public static int half(int x) {
                return x / 2;
            }
            --- tests
            half(4) == 2
            half(9) == 4
            """;
    private static CodeJudge judge;

    @BeforeAll
    static void setUp() {
        judge = new CodeJudge(3_000);
        judge.warmUp();
    }

    @AfterAll
    static void tearDown() {
        judge.close();
    }

    @Test
    void countsPassesAndFailureReasonsPerSplitAndCutsAtTheClosingBrace() {
        List<JavaMethod> methods = JavaMethodCorpus.parse(CORPUS).methods();
        AtomicInteger call = new AtomicInteger();
        // twice: right (then the start of the next method, which must be cut off), wrong, unfinished, forbidden.
        // half: does not compile, endless loop, right, right.
        String[] answers = {
                "    return 2 * x;\n}\n\n/** Next. */\npublic static int nope(",
                "    return x + 2;\n}\n",
                "    return 2 *",
                "    System.exit(1);\n    return 0;\n}\n",
                "    return x /;\n}\n",
                "    while (true) {\n    }\n}\n",
                "    return x / 2;\n}\n",
                "    return x / 2;\n}\n"};
        MethodCompleter scripted = (prompt, rng, onText) -> answers[call.getAndIncrement()];
        BenchReport r = new CodeBench(judge).run(methods, scripted, 4, 7, (d, t, m, o) -> { });
        assertEquals(8, call.get());
        assertEquals(PassAtK.estimate(4, 1, 1), r.passAt(1, false), 1e-12);
        assertEquals(1.0, r.passAt(4, false), 1e-12);
        assertEquals(PassAtK.estimate(4, 2, 1), r.passAt(1, true), 1e-12);
        var train = r.outcomes(false);
        assertEquals(1, train.get(TestOutcome.PASS));
        assertEquals(1, train.get(TestOutcome.WRONG_ANSWER));
        assertEquals(1, train.get(TestOutcome.DOES_NOT_COMPILE));
        assertEquals(1, train.get(TestOutcome.FORBIDDEN_API));
        var held = r.outcomes(true);
        assertEquals(2, held.get(TestOutcome.PASS));
        assertEquals(1, held.get(TestOutcome.DOES_NOT_COMPILE));
        assertEquals(1, held.get(TestOutcome.TIMEOUT));
        String table = r.table();
        assertTrue(table.contains("training") && table.contains("held out") && table.contains("pass@4"), table);
        assertTrue(r.results().get(0).example().endsWith("return 2 * x;\n}"), r.results().get(0).example());
    }

    @Test
    void selectionKeepsEveryHeldOutMethodAndSomeTrainingOnes() {
        List<JavaMethod> all = JavaMethodCorpus.load(llmfs.compute.data.Corpora.locate()).methods();
        List<JavaMethod> pick = CodeBench.selection(all, 3);
        long held = pick.stream().filter(JavaMethod::heldOut).count();
        assertEquals(all.stream().filter(JavaMethod::heldOut).count(), held);
        long train = all.size() - held;
        assertEquals((train + 2) / 3, pick.size() - held);
    }
}
