package llmfs.tutor.code;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated code that ends the program, never returns or writes a file fails with a clear reason, and neither this
 * JVM (the tutor) nor the file system is touched; the judge keeps working afterwards. The refusals come from the
 * checker's own sandbox (the compiler's API check), the time-out from the check process.
 */
class GeneratedCodeIsolationTest {
    private static final List<String> TESTS = List.of("twice(2) == 4");
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

    private static String method(String body) {
        return "/** Returns twice x. */\npublic static int twice(int x) {\n" + body + "\n}\n";
    }

    @Test
    void systemExitIsRejectedAndTheTutorLivesOn() {
        CodeJudge.Result r = judge.judge(method("    System.exit(3);\n    return 2 * x;"), TESTS);
        assertEquals(TestOutcome.FORBIDDEN_API, r.outcome(), r.message());
        assertTrue(r.message().contains("System.exit"), r.message());
        assertEquals(TestOutcome.PASS, judge.judge(method("    return 2 * x;"), TESTS).outcome());
    }

    @Test
    void anEndlessLoopTimesOut() {
        CodeJudge.Result r = judge.judge(method("    while (true) {\n        x++;\n    }"), TESTS);
        assertEquals(TestOutcome.TIMEOUT, r.outcome(), r.message());
        assertEquals(TestOutcome.PASS, judge.judge(method("    return 2 * x;"), TESTS).outcome());
    }

    @Test
    void aFileWriteIsRejectedAndNoFileAppears(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("pwned.txt");
        String path = target.toString().replace("\\", "\\\\");
        CodeJudge.Result r = judge.judge(method("    try {\n        java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + path + "\"), \"x\");\n    } catch (Exception e) {\n    }\n    return 2 * x;"), TESTS);
        assertEquals(TestOutcome.FORBIDDEN_API, r.outcome(), r.message());
        CodeJudge.Result r2 = judge.judge(method("    try (java.io.FileWriter w = new java.io.FileWriter(\"" + path
                + "\")) {\n        w.write(1);\n    } catch (Exception e) {\n    }\n    return 2 * x;"), TESTS);
        assertEquals(TestOutcome.FORBIDDEN_API, r2.outcome(), r2.message());
        assertFalse(Files.exists(target));
        assertEquals(0, Files.list(dir).count());
    }

    @Test
    void forbiddenNamesInStringsAndCommentsAreNotCode() {
        CodeJudge.Result r = judge.judge(method("    // System.exit would end everything; File is fine in a comment\n"
                + "    String s = \"Runtime File Thread\";\n    return 2 * x + s.length() * 0;"), TESTS);
        assertEquals(TestOutcome.PASS, r.outcome(), r.message());
    }

    @Test
    void processesAndReflectionAreRefusedToo() {
        CodeJudge.Result p = judge.judge(method("    try {\n        new ProcessBuilder(\"true\").start();\n"
                + "    } catch (Exception e) {\n    }\n    return 2 * x;"), TESTS);
        assertEquals(TestOutcome.FORBIDDEN_API, p.outcome(), p.message());
        CodeJudge.Result r = judge.judge(method("    try {\n        return (int) Class.forName(\"java.lang.Math\")"
                + ".getMethod(\"abs\", int.class).invoke(null, 2 * x);\n    } catch (Exception e) {\n"
                + "        return 0;\n    }"), TESTS);
        assertEquals(TestOutcome.FORBIDDEN_API, r.outcome(), r.message());
    }
}
