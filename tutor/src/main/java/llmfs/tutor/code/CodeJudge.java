package llmfs.tutor.code;

import llmfs.tutor.check.CheckRequest;
import llmfs.tutor.check.CheckRunner;
import llmfs.tutor.check.CompileResult;
import llmfs.tutor.check.LearnerCompiler;
import llmfs.tutor.check.Verdict;

import java.util.List;

/**
 * Compiles a method with its unit tests and runs them in the checker's child JVM ({@link CheckRunner}), with the same
 * time and memory limits and the same sandbox as an exercise check: the compiler refuses files, processes, the
 * network, reflection and threads (counted as "forbidden API"), and an endless loop or a crash only costs a fresh
 * check process.
 */
public final class CodeJudge implements AutoCloseable {
    /** How {@link LearnerCompiler}'s API check words a refusal (after the refused member's name). */
    private static final String REFUSED = " is not allowed in exercises: ";
    /** Default time limit for one method's tests. */
    public static final long DEFAULT_TIMEOUT_MS = 2_000;

    /** What happened, in one line; {@code failedTest} is the 0-based index of the first false test, or -1. */
    public record Result(TestOutcome outcome, String message, int failedTest) {
        public boolean passed() {
            return outcome == TestOutcome.PASS;
        }
    }

    private final LearnerCompiler compiler;
    private final CheckRunner runner;
    private final boolean owned;
    private final long timeoutMs;
    private long seed = 1;

    /** A judge with its own compiler and check process, closed with it. */
    public CodeJudge(long timeoutMs) {
        this(new LearnerCompiler(), new CheckRunner(), true, timeoutMs);
    }

    /** A judge on a shared compiler and runner (not closed with it). */
    public CodeJudge(LearnerCompiler compiler, CheckRunner runner, long timeoutMs) {
        this(compiler, runner, false, timeoutMs);
    }

    private CodeJudge(LearnerCompiler compiler, CheckRunner runner, boolean owned, long timeoutMs) {
        this.compiler = compiler;
        this.runner = runner;
        this.owned = owned;
        this.timeoutMs = timeoutMs;
    }

    /** Starts the check process and loads the compiler, so the first judgement is quick. */
    public void warmUp() {
        runner.warmUp();
        compiler.warmUp();
    }

    /**
     * Judges one method.
     *
     * @param method the method's text (Javadoc and method, cut at its closing brace)
     * @param tests  boolean Java expressions, each true for a correct method
     */
    public Result judge(String method, List<String> tests) {
        CompileResult compiled = compiler.compile(CandidateSource.FILE, CandidateSource.build(method, tests));
        if (!compiled.ok()) {
            for (String e : compiled.errors()) {
                String line = e.split("\n", 2)[0];
                int refused = line.indexOf(REFUSED);
                if (refused >= 0) {
                    // The compiler's API check: the sandbox allows no files, processes, network, reflection, threads.
                    return new Result(TestOutcome.FORBIDDEN_API, methodLines(line.substring(0, refused))
                            + " is not allowed: generated code runs without files, processes, the network,"
                            + " reflection or threads", -1);
                }
            }
            String first = compiled.errors().get(0).split("\n", 2)[0];
            return new Result(TestOutcome.DOES_NOT_COMPILE, methodLines(first), -1);
        }
        Verdict v = runner.run(new CheckRequest(MethodTestsCheck.class.getName(), CandidateSource.FILE,
                compiled.classes(), seed++, timeoutMs));
        return switch (v.kind()) {
            case PASS -> new Result(TestOutcome.PASS, v.headline(), -1);
            case FAIL -> new Result(TestOutcome.WRONG_ANSWER, v.headline(), failedTest(v.headline()));
            case EXCEPTION, STACK_OVERFLOW, OUT_OF_MEMORY -> new Result(TestOutcome.CRASH, v.headline(), -1);
            case TIMEOUT -> new Result(TestOutcome.TIMEOUT, v.headline(), -1);
            case EXIT -> new Result(TestOutcome.FORBIDDEN_API, v.headline(), -1);
            case COMPILE_ERROR -> new Result(TestOutcome.DOES_NOT_COMPILE, v.headline(), -1);
            case INTERNAL -> new Result(TestOutcome.INTERNAL, v.headline(), -1);
        };
    }

    /** "Candidate.java:7:13: error: ..." becomes "line 3:13: error: ...", counted in the method's own text. */
    static String methodLines(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^" + java.util.regex.Pattern.quote(CandidateSource.FILE)
                + ":(\\d+)").matcher(message);
        if (!m.find()) return message;
        int line = Integer.parseInt(m.group(1)) - CandidateSource.HEADER_LINES;
        return (line >= 1 ? "line " + line : "in the tests") + message.substring(m.end());
    }

    private static int failedTest(String headline) {
        if (!headline.startsWith(MethodTestsCheck.WRONG)) return -1;
        String rest = headline.substring(MethodTestsCheck.WRONG.length());
        int space = rest.indexOf(' ');
        try {
            return Integer.parseInt(space < 0 ? rest : rest.substring(0, space)) - 1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        if (owned) {
            runner.close();
            compiler.close();
        }
    }
}
