package llmfs.tutor.code;

import llmfs.compute.code.PassAtK;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the test bench measured: for every method, how many of its k samples passed and why the others failed;
 * pass@1 and pass@k averaged over the training methods and over the held-out ones.
 */
public final class BenchReport {

    /** One method's samples: {@code passed} of {@code samples}, and one example of what came out. */
    public record MethodResult(String name, boolean heldOut, int samples, int passed, Map<TestOutcome, Integer> outcomes,
                               String example, String exampleVerdict) {}

    private final int k;
    private final List<MethodResult> results = new ArrayList<>();

    public BenchReport(int k) {
        this.k = k;
    }

    void add(MethodResult r) {
        results.add(r);
    }

    /** Samples per method. */
    public int k() {
        return k;
    }

    public List<MethodResult> results() {
        return List.copyOf(results);
    }

    /** Mean pass@{@code kk} over the methods of one split (NaN when the split is empty). */
    public double passAt(int kk, boolean heldOut) {
        List<int[]> nc = new ArrayList<>();
        for (MethodResult r : results) if (r.heldOut() == heldOut) nc.add(new int[]{r.samples(), r.passed()});
        return PassAtK.mean(nc, kk);
    }

    /** Samples of one split ending in each outcome. */
    public Map<TestOutcome, Integer> outcomes(boolean heldOut) {
        Map<TestOutcome, Integer> m = new EnumMap<>(TestOutcome.class);
        for (TestOutcome o : TestOutcome.values()) m.put(o, 0);
        for (MethodResult r : results) {
            if (r.heldOut() != heldOut) continue;
            r.outcomes().forEach((o, n) -> m.merge(o, n, Integer::sum));
        }
        return m;
    }

    /** Methods in one split. */
    public int methods(boolean heldOut) {
        return (int) results.stream().filter(r -> r.heldOut() == heldOut).count();
    }

    /** The table the lab prints: one row per split, pass rates and the failure reasons counted. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-9s %7s %7s %7s %7s | %6s %10s %6s %6s %7s %9s%n", "split", "methods",
                "samples", "pass@1", "pass@" + k, "passed", "no compile", "wrong", "throws", "timeout", "forbidden"));
        for (boolean held : new boolean[]{false, true}) {
            if (methods(held) == 0) continue;
            Map<TestOutcome, Integer> o = outcomes(held);
            int samples = o.values().stream().mapToInt(Integer::intValue).sum();
            sb.append(String.format(Locale.ROOT, "%-9s %7d %7d %7.3f %7.3f | %6d %10d %6d %6d %7d %9d%n",
                    held ? "held out" : "training", methods(held), samples, passAt(1, held), passAt(k, held),
                    o.get(TestOutcome.PASS), o.get(TestOutcome.DOES_NOT_COMPILE), o.get(TestOutcome.WRONG_ANSWER),
                    o.get(TestOutcome.CRASH), o.get(TestOutcome.TIMEOUT), o.get(TestOutcome.FORBIDDEN_API)));
        }
        int internal = outcomes(false).get(TestOutcome.INTERNAL) + outcomes(true).get(TestOutcome.INTERNAL);
        if (internal > 0) sb.append(internal).append(" samples could not be judged because of a tutor error\n");
        return sb.toString();
    }
}
