package llmfs.tutor.checks.testcourse;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Optional;

/** Test course check: {@code public static int add(int a, int b)}. */
public final class AddCheck implements ExerciseCheck {
    @Override
    public CheckReport run(CheckContext ctx) {
        Method add = ctx.staticMethod(ctx.learnerClass("Add"), "add", int.class, int.class, int.class);
        Rng rng = ctx.rng();
        for (int i = 0; i < 20; i++) {
            int a = rng.nextInt(2000) - 1000;
            int b = rng.nextInt(999) + 1; // never 0, so a - b and a + b differ
            int got = (Integer) ctx.call(add, a, b);
            int expected = a + b;
            if (got != expected) {
                Optional<String> bug = WrongVariants.catalogue()
                        .add("subtracts", () -> a - b)
                        .add("multiplies", () -> a * b)
                        .match(got, 0, 0);
                CheckReport r = CheckReport.fail("add(" + a + ", " + b + ") returned " + got + " but should return "
                        + expected, "");
                return bug.map(r::withLikelyBug).orElse(r);
            }
        }
        return CheckReport.pass("add is right for 20 random pairs");
    }
}
