package llmfs.tutor.code;

import llmfs.compute.Rng;
import llmfs.compute.code.JavaMethod;
import llmfs.compute.code.MethodCompleter;
import llmfs.compute.code.MethodEnd;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The test bench: for each method, sample k completions of its Javadoc and signature, cut each at the method's
 * closing brace, compile it with the method's tests and run them in the check process ({@link CodeJudge}).
 *
 * <p>A completion that never closes its method (the budget ran out) is counted as "does not compile" without
 * calling the compiler: it is not a method. Identical completions are judged once, since a small model often
 * writes the same body several times.
 */
public final class CodeBench {

    /** Progress, once per sample. */
    public interface Listener {
        void sampled(int done, int total, JavaMethod method, TestOutcome outcome);
    }

    private final CodeJudge judge;

    public CodeBench(CodeJudge judge) {
        this.judge = judge;
    }

    /** The methods the default bench tests: every held-out method and every {@code stride}-th training method. */
    public static List<JavaMethod> selection(List<JavaMethod> all, int stride) {
        List<JavaMethod> out = new ArrayList<>();
        int t = 0;
        for (JavaMethod m : all) {
            if (m.heldOut() || t++ % stride == 0) out.add(m);
        }
        return out;
    }

    /**
     * Runs the bench.
     *
     * @param k    samples per method (pass@1 and pass@k are reported)
     * @param seed the sampling seed; the same seed and model give the same report
     */
    public BenchReport run(List<JavaMethod> methods, MethodCompleter model, int k, long seed, Listener listener) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        BenchReport report = new BenchReport(k);
        Rng rng = new Rng(seed);
        int total = methods.size() * k, done = 0;
        for (JavaMethod m : methods) {
            Map<String, CodeJudge.Result> seen = new HashMap<>();
            Map<TestOutcome, Integer> outcomes = new EnumMap<>(TestOutcome.class);
            int passed = 0;
            String example = null, exampleVerdict = null;
            for (int s = 0; s < k; s++) {
                String prompt = m.prompt();
                String completion = model.complete(prompt, rng, piece -> { });
                String text = prompt + completion;
                CodeJudge.Result r;
                if (MethodEnd.end(text) < 0) {
                    r = new CodeJudge.Result(TestOutcome.DOES_NOT_COMPILE,
                            "the method never closed: the sample ran out of characters", -1);
                } else {
                    String method = MethodEnd.cut(text);
                    r = seen.computeIfAbsent(method, t -> judge.judge(t, m.tests()));
                    if (example == null) {
                        example = method;
                        exampleVerdict = r.message();
                    }
                }
                outcomes.merge(r.outcome(), 1, Integer::sum);
                if (r.passed()) passed++;
                listener.sampled(++done, total, m, r.outcome());
            }
            report.add(new BenchReport.MethodResult(m.name(), m.heldOut(), k, passed, outcomes,
                    example == null ? "" : example, exampleVerdict == null ? "" : exampleVerdict));
        }
        return report;
    }
}
