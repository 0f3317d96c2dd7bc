package llmfs.tui.chat;

import llmfs.compute.code.JavaMethodCorpus;
import llmfs.compute.data.Corpora;
import llmfs.tutor.code.CodeJudge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static llmfs.tui.chat.ChatFixture.answers;
import static llmfs.tui.chat.ChatFixture.chat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tutor chat code} with a scripted "model": the answer streams and is cut at the method's closing brace,
 * {@code :test} runs the corpus's tests, and generated code that exits, never returns or writes a file fails with a
 * reason while the chat (and this JVM) go on.
 */
class ChatCodeTest {
    private static JavaMethodCorpus corpus;

    @BeforeAll
    static void setUp() {
        corpus = JavaMethodCorpus.load(Corpora.locate());
    }

    /** A chat whose model answers with the given bodies, one per prompt, streamed in 3-character pieces. */
    private static CodeChat scripted(String... bodies) {
        Deque<String> next = new ArrayDeque<>(List.of(bodies));
        CodeChat.Writer w = (prompt, s, max, rng, onText, stop) -> {
            String body = next.poll();
            for (int i = 0; i < body.length(); i += 3) onText.accept(body.substring(i, Math.min(body.length(), i + 3)));
            return body;
        };
        // Each chat starts its own check process on the first :test and stops it when the chat ends.
        return new CodeChat(w, corpus, () -> new CodeJudge(3_000), "scripted code model");
    }

    private static final String IS_EVEN = "/** Returns true when n is even. */\\npublic static boolean isEven(int n)";

    @Test
    void aCorrectBodyPassesTheCorpusTestsAndAWrongOneNamesTheFalseTest() throws Exception {
        String t = chat(scripted("    return n % 2 == 0;\n}", "    return n % 2 == 1;\n}"), 1,
                IS_EVEN + "\n:test\n" + IS_EVEN + "\n:test\n");
        List<String> a = answers(t, "code> ");
        assertTrue(a.get(0).contains("public static boolean isEven(int n) {\n    return n % 2 == 0;\n}"), t);
        assertTrue(a.get(0).contains(":test runs the corpus's tests for isEven"), t);
        assertTrue(a.get(1).contains("passed: all 5 tests pass"), t);
        assertTrue(a.get(3).contains("wrong answer: test 1 of 5 is false (isEven(4))"), t);
    }

    @Test
    void generatedExitLoopAndFileWriteFailCleanlyAndTheChatGoesOn(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("written.txt");
        String write = "    try {\n        java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + target.toString().replace("\\", "\\\\") + "\"), \"x\");\n    } catch (Exception e) {\n    }\n"
                + "    return true;\n}";
        String t = chat(scripted("    System.exit(0);\n    return true;\n}", "    while (true) {\n    }\n}", write,
                        "    return n % 2 == 0;\n}"), 1,
                IS_EVEN + "\n:test\n" + IS_EVEN + "\n:test\n" + IS_EVEN + "\n:test\n" + IS_EVEN + "\n:test\n");
        List<String> a = answers(t, "code> ");
        assertTrue(a.get(1).contains("forbidden API") && a.get(1).contains("System.exit"), t);
        assertTrue(a.get(3).contains("timeout"), t);
        assertTrue(a.get(5).contains("forbidden API"), t);
        assertTrue(a.get(7).contains("passed"), "the chat still works after all three: " + t);
        assertFalse(Files.exists(target), "no file was written");
    }

    @Test
    void anUnfinishedOrUnknownMethodSaysWhatToDo() throws Exception {
        String t = chat(scripted("    return n % 2", "    return a;\n}"), 1, IS_EVEN + "\n:test\n"
                + "/** Doubles a. */\\nstatic int doubleIt(int a) {\n:test\n");
        List<String> a = answers(t, "code> ");
        assertTrue(a.get(0).contains("did not close"), t);
        assertTrue(a.get(1).contains("no finished method"), t);
        assertTrue(a.get(3).contains("no tests for doubleIt"), t);
    }

    @Test
    void promptGetsItsBraceAndTheNameIsFoundAfterTheJavadoc() {
        assertEquals("/** Uses f(x). */\nint g(int x) {\n", CodeChat.prompt("/** Uses f(x). */\\nint g(int x)"));
        assertEquals("int g() {\n", CodeChat.prompt("int g() {"));
        assertEquals("g", CodeChat.methodName("/** Uses f(x). */\nint g(int x) {\n}").orElseThrow());
    }
}
