package llmfs.tui.chat;

import llmfs.compute.code.CodeSampler;
import llmfs.compute.code.JavaMethod;
import llmfs.compute.code.JavaMethodCorpus;
import llmfs.compute.code.MethodEnd;
import llmfs.compute.text.CourseVocab;
import llmfs.tutor.code.CodeJudge;
import llmfs.tutor.code.TestOutcome;

import llmfs.compute.Rng;
import llmfs.compute.sample.Sampler;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part 7 in a chat: type a Javadoc and a signature ({@code \n} for a line break), and the model writes the body,
 * streamed as it samples, stopping at the method's closing brace. {@code :test} compiles the last method with the
 * corpus's tests for that name and runs them in the check process, exactly as the test bench does.
 */
public final class CodeChat implements ChatModel {
    /** Tokens an answer may run to before it is cut off unfinished. */
    public static final int DEFAULT_LENGTH = 600;
    private static final Pattern NAME = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*)\\s*\\(");

    /** Writes a method body: the model's sampler, or a script in tests. */
    @FunctionalInterface
    public interface Writer {
        String write(String prompt, Sampler.Settings settings, int maxTokens, Rng rng, Consumer<String> onText,
                     BooleanSupplier stop);

        /** A trained model's sampler as a writer. */
        static Writer of(CodeSampler sampler) {
            return (p, s, max, rng, on, stop) -> sampler.with(s, max).complete(p, rng, on, stop);
        }
    }

    private final Writer writer;
    private final JavaMethodCorpus corpus;
    private final Supplier<CodeJudge> judges;
    private final String description;
    private CodeJudge judge;
    private String lastMethod;

    /**
     * @param writer      the trained model (see {@link Writer#of})
     * @param corpus      where {@code :test} finds a method's tests
     * @param judges      makes the judge on the first {@code :test} (it starts a check process)
     * @param description the header line
     */
    public CodeChat(Writer writer, JavaMethodCorpus corpus, Supplier<CodeJudge> judges, String description) {
        this.writer = writer;
        this.corpus = corpus;
        this.judges = judges;
        this.description = description;
    }

    @Override
    public String lab() {
        return "code";
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String usage() {
        return "Type a Javadoc and a signature, e.g. /** Returns true when n is even. */\\npublic static boolean"
                + " isEven(int n) and press Enter: the model writes the body and stops at its closing brace (\\n is a"
                + " line break; the opening brace is added when missing). :test runs the corpus's tests for that"
                + " method name.";
    }

    /** The prompt the model continues: the typed text with line breaks, ending with the body's opening brace. */
    static String prompt(String line) {
        String p = CourseVocab.normalize(line.replace("\\n", "\n")).stripTrailing();
        if (MethodEnd.firstOpenBrace(p) < 0) p = p + " {";
        return p + "\n";
    }

    /** The method's name in a signature: the identifier before the first '(' outside comments. */
    static Optional<String> methodName(String method) {
        int brace = MethodEnd.firstOpenBrace(method);
        String head = brace < 0 ? method : method.substring(0, brace);
        int javadocEnd = head.lastIndexOf("*/");
        if (javadocEnd >= 0) head = head.substring(javadocEnd + 2);
        Matcher m = NAME.matcher(head);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    @Override
    public void reply(String line, ChatSettings s, ChatOutput out) {
        if (line.isBlank()) {
            throw new IllegalArgumentException("type a Javadoc and a signature, e.g. /** Returns the larger of a and b."
                    + " */\\npublic static int max(int a, int b)");
        }
        String prompt = prompt(line);
        out.echo(prompt);
        String body = writer.write(prompt, s.sampling(), s.length(), s.rng(), out::text, out::stopRequested);
        out.endLine();
        String text = prompt + body;
        if (out.stopRequested()) {
            out.note("(stopped)");
            lastMethod = null;
        } else if (MethodEnd.end(text) < 0) {
            out.note("(the method did not close within " + s.length() + " tokens; :len allows more)");
            lastMethod = null;
        } else {
            lastMethod = MethodEnd.cut(text);
            String name = methodName(lastMethod).orElse("");
            if (corpus.find(name).isPresent()) out.note(":test runs the corpus's tests for " + name);
        }
    }

    /** {@code :test}: the last method against the corpus's tests for its name. */
    void test(ChatOutput out) {
        if (lastMethod == null) {
            throw new IllegalArgumentException("no finished method to test yet: type a signature first");
        }
        String name = methodName(lastMethod).orElseThrow(() ->
                new IllegalArgumentException("the last answer has no method name to look up"));
        JavaMethod m = corpus.find(name).orElseThrow(() -> new IllegalArgumentException("the corpus has no tests"
                + " for " + name + "; :test works for the methods of corpora/java-methods.txt, e.g. isEven, gcd,"
                + " reverseString"));
        if (judge == null) judge = judges.get();
        out.note("compiling " + name + " with its " + m.tests().size() + " tests and running them in the check"
                + " process" + (m.heldOut() ? " (a held-out method: the model never saw it)" : "") + "…");
        CodeJudge.Result r = judge.judge(lastMethod, m.tests());
        if (r.outcome() == TestOutcome.PASS) {
            out.note("passed: " + r.message());
        } else {
            String which = r.failedTest() >= 0 && r.failedTest() < m.tests().size()
                    ? " (" + m.tests().get(r.failedTest()) + ")" : "";
            out.problem(r.outcome().label() + ": " + r.message() + which);
        }
    }

    /** Stops the check process {@code :test} started, if any. */
    void close() {
        if (judge != null) judge.close();
    }
}
