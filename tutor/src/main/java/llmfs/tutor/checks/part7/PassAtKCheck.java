package llmfs.tutor.checks.part7;

import llmfs.compute.Rng;
import llmfs.compute.code.PassAtK;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Exercise 7.4: pass@1 (the fraction that passed), a small case by hand (n 10, c 3, k 5 gives 1 − 21/252), cases
 * where every choice of k holds a pass, then large n where factorials overflow a double, then random counts.
 */
public final class PassAtKCheck implements ExerciseCheck {
    private static final double ATOL = 1e-10, RTOL = 1e-9;

    static double variant(int n, int c, int k, String name) {
        switch (name) {
            case "biased": return 1.0 - Math.pow(1.0 - (double) c / n, k);
            case "pass-at-one": return (double) c / n;
            case "forgot-one-minus": return 1.0 - PassAtK.estimate(n, c, k);
            default: return PassAtK.estimate(n, c, k);
        }
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> cls = ctx.learnerClass("PassAtK");
        Method m = ctx.staticMethod(cls, "passAtK", double.class, int.class, int.class, int.class);
        int[][] fixed = {{10, 3, 1}, {10, 3, 5}, {10, 0, 4}, {10, 8, 3}, {5, 5, 5}, {200, 7, 10}, {1000, 13, 100}};
        for (int[] t : fixed) {
            CheckReport r = one(ctx, m, t[0], t[1], t[2]);
            if (r != null) return r;
        }
        Rng rng = ctx.rng();
        for (int round = 0; round < 40; round++) {
            int n = 1 + rng.nextInt(round < 20 ? 30 : 2000);
            int c = rng.nextInt(n + 1);
            int k = 1 + rng.nextInt(n);
            CheckReport r = one(ctx, m, n, c, k);
            if (r != null) return r;
        }
        return CheckReport.pass("pass@k matches 1 - C(n-c,k)/C(n,k) on 47 cases, including n = 1000 where "
                + "factorials overflow (pass@10 with 7 of 200 passing is " + Compare.format(PassAtK.estimate(200, 7, 10)) + ")");
    }

    private static CheckReport one(CheckContext ctx, Method m, int n, int c, int k) {
        double want = PassAtK.estimate(n, c, k);
        double got = (Double) ctx.call(m, n, c, k);
        if (Compare.close(want, got, ATOL, RTOL)) return null;
        Optional<String> bug = WrongVariants.catalogue()
                .add("pass-at-one", () -> variant(n, c, k, "pass-at-one"))
                .add("biased", () -> variant(n, c, k, "biased"))
                .add("forgot-one-minus", () -> variant(n, c, k, "forgot-one-minus"))
                .match(got, ATOL, RTOL);
        if (bug.isEmpty() && !Double.isFinite(got) && n > 170) bug = Optional.of("factorials");
        String call = "passAtK(" + n + ", " + c + ", " + k + ")";
        String details = call + ": expected " + Compare.format(want) + ", got " + Compare.format(got)
                + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
        return CheckReport.fail(call + " is " + Compare.format(got) + " but should be " + Compare.format(want), details)
                .withMaxError(Double.isFinite(got) ? Math.abs(want - got) : Double.POSITIVE_INFINITY)
                .withFirstDiff("expected " + Compare.format(want) + " but got " + Compare.format(got))
                .withLikelyBug(bug.orElse(null));
    }

    static String explain(String bug) {
        switch (bug) {
            case "pass-at-one": return "the result is c / n whatever k is: that is pass@1 only. With k tries the "
                    + "chance of at least one pass is higher: 1 - C(n-c, k) / C(n, k).";
            case "biased": return "1 - (1 - c/n)^k treats the k samples as drawn with replacement from c/n; it "
                    + "underestimates pass@k. Count subsets of the n samples instead: 1 - C(n-c, k) / C(n, k).";
            case "forgot-one-minus": return "this is the chance that all k samples fail; pass@k is 1 minus it.";
            case "factorials": return "the binomials were computed through factorials, which overflow a double from "
                    + "171! on (Infinity / Infinity = NaN). Multiply the factors (1 - k / i) instead.";
            default: return bug;
        }
    }
}
