package llmfs.tutor.checks.testcourse;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;

/** Test course check: {@code public static double mean(double[] xs)}. */
public final class MeanCheck implements ExerciseCheck {
    @Override
    public CheckReport run(CheckContext ctx) {
        Method mean = ctx.staticMethod(ctx.learnerClass("Mean"), "mean", double.class, double[].class);
        Rng rng = ctx.rng();
        int n = 5 + rng.nextInt(10);
        double[] xs = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            xs[i] = 1 + rng.nextDouble() * 9;
            sum += xs[i];
        }
        double expected = sum / n;
        double got = (Double) ctx.call(mean, (Object) xs.clone());
        if (Compare.close(expected, got, 1e-9, 1e-9)) {
            return CheckReport.pass("mean is right for " + n + " values");
        }
        double total = sum;
        CheckReport r = CheckReport.fail("mean returned " + got + " but should return " + expected, "")
                .withMaxError(Math.abs(got - expected));
        return WrongVariants.catalogue()
                .add("divides-by-n-minus-1", () -> total / (n - 1))
                .match(got, 1e-9, 1e-9)
                .map(r::withLikelyBug).orElse(r);
    }
}
