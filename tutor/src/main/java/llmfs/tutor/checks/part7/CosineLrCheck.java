package llmfs.tutor.checks.part7;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Exercise 7.1: the schedule at the first step, through warm-up, at the peak, half way down, at the end and past it,
 * first on a fixed run (peak 1e-3, floor 1e-4, 10 warm-up steps of 110), then on random runs.
 */
public final class CosineLrCheck implements ExerciseCheck {
    private static final double ATOL = 1e-12, RTOL = 1e-9;

    static double reference(long s, double peak, double floor, long warmup, long total, String variant) {
        boolean noWarmup = variant.equals("no-warmup");
        if (!noWarmup && s < warmup) {
            return variant.equals("warmup-from-zero") ? peak * s / warmup : peak * (s + 1) / warmup;
        }
        long w = noWarmup ? 0 : warmup;
        double p = total == w ? 1.0 : (double) (s - w) / (total - w);
        if (!variant.equals("rises-after-end")) p = Math.min(1.0, p);
        if (variant.equals("decays-to-zero")) return 0.5 * peak * (1 + Math.cos(Math.PI * p));
        return floor + 0.5 * (peak - floor) * (1 + Math.cos(Math.PI * p));
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("CosineLr");
        Method m = ctx.staticMethod(c, "lr", double.class, long.class, double.class, double.class, long.class, long.class);
        long[] fixedSteps = {0, 4, 9, 10, 35, 60, 100, 109, 110, 150, 1000};
        for (long s : fixedSteps) {
            CheckReport r = one(ctx, m, s, 1e-3, 1e-4, 10, 110);
            if (r != null) return r;
        }
        Rng rng = ctx.rng();
        for (int round = 0; round < 40; round++) {
            long total = 1 + rng.nextInt(5000);
            long warmup = rng.nextInt(4) == 0 ? 0 : rng.nextInt((int) Math.min(total, 500) + 1);
            double peak = 1e-4 + rng.nextDouble() * 1e-2;
            double floor = rng.nextInt(3) == 0 ? 0 : peak * rng.nextDouble() * 0.5;
            long s = rng.nextInt((int) (total * 1.3) + 2);
            CheckReport r = one(ctx, m, s, peak, floor, warmup, total);
            if (r != null) return r;
        }
        return CheckReport.pass("the schedule matches at every step checked: 1e-4 at step 0, the peak 1e-3 at steps 9 "
                + "and 10, 5.5e-4 half way down (step 60), the floor from step 110 on, and 40 random runs");
    }

    private static CheckReport one(CheckContext ctx, Method m, long s, double peak, double floor, long warmup, long total) {
        double want = reference(s, peak, floor, warmup, total, "");
        double got = (Double) ctx.call(m, s, peak, floor, warmup, total);
        if (Compare.close(want, got, ATOL, RTOL)) return null;
        Optional<String> bug = WrongVariants.catalogue()
                .add("no-warmup", () -> reference(s, peak, floor, warmup, total, "no-warmup"))
                .add("warmup-from-zero", () -> reference(s, peak, floor, warmup, total, "warmup-from-zero"))
                .add("decays-to-zero", () -> reference(s, peak, floor, warmup, total, "decays-to-zero"))
                .add("rises-after-end", () -> reference(s, peak, floor, warmup, total, "rises-after-end"))
                .match(got, ATOL, RTOL);
        String call = "lr(" + s + ", peak " + Compare.format(peak) + ", floor " + Compare.format(floor) + ", warmup "
                + warmup + ", total " + total + ")";
        String details = call + "\nexpected " + Compare.format(want) + ", got " + Compare.format(got)
                + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
        return CheckReport.fail(call + " is " + Compare.format(got) + " but should be " + Compare.format(want), details)
                .withMaxError(Math.abs(want - got)).withFirstDiff("expected " + Compare.format(want) + " but got "
                        + Compare.format(got)).withLikelyBug(bug.orElse(null));
    }

    static String explain(String bug) {
        switch (bug) {
            case "no-warmup": return "there is no warm-up: the cosine starts at step 0 at the full peak. For steps "
                    + "below warmup return peak * (step + 1) / warmup, and start the cosine's progress at warmup.";
            case "warmup-from-zero": return "the warm-up starts at 0 (peak * step / warmup), so step 0 does not learn "
                    + "at all and the peak is reached one step late; use step + 1.";
            case "decays-to-zero": return "the cosine ends at 0 instead of at the floor: interpolate between floor "
                    + "and peak, floor + 0.5 * (peak - floor) * (1 + cos(pi * p)).";
            case "rises-after-end": return "after the last step the rate climbs again (the cosine keeps going); cap "
                    + "the progress p at 1 so the rate stays at the floor.";
            default: return bug;
        }
    }
}
