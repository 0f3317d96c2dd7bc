package llmfs.tutor.checks.testcourse;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.Comparison;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Arrays;

/** Test course check: {@code public static float[] scale(float[] x, float factor)}. */
public final class ScaleCheck implements ExerciseCheck {
    @Override
    public CheckReport run(CheckContext ctx) {
        Method scale = ctx.staticMethod(ctx.learnerClass("Scale"), "scale", float[].class, float[].class, float.class);
        Rng rng = ctx.rng();
        int n = 2 * (3 + rng.nextInt(4));
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = rng.uniform(0.5f, 2f) * (rng.nextInt(2) == 0 ? -1 : 1);
        float factor = rng.uniform(1.5f, 3f);
        float[] copy = x.clone();
        float[] expected = new float[n];
        for (int i = 0; i < n; i++) expected[i] = x[i] * factor;

        float[] got = (float[]) ctx.call(scale, copy, factor);
        if (Compare.untouched(got)) {
            return CheckReport.fail("not implemented yet: scale returns only zeros", "Fill the array `out`.");
        }
        if (!Arrays.equals(copy, x)) {
            return CheckReport.fail("scale changed its input array", "Write the results into a new array.");
        }
        Comparison c = Compare.floats(expected, got, 1e-6, 1e-5);
        if (c.matches()) {
            return CheckReport.pass("scale is right for " + n + " values").withMaxError(c.maxAbsError());
        }
        CheckReport r = c.toFailure("scale(x, " + factor + ") gave wrong values", 2, n / 2);
        return WrongVariants.catalogue()
                .add("off-by-one", () -> {
                    float[] w = expected.clone();
                    w[n - 1] = 0;
                    return w;
                })
                .add("scaled-twice", () -> {
                    float[] w = new float[n];
                    for (int i = 0; i < n; i++) w[i] = x[i] * factor * factor;
                    return w;
                })
                .match(got, 1e-6, 1e-5)
                .map(r::withLikelyBug).orElse(r);
    }
}
