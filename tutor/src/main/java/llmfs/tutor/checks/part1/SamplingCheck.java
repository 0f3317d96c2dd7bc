package llmfs.tutor.checks.part1;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.Comparison;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Exercise 1.5: temperature softmax on random (and huge) logits, then inverse-CDF picking, including values of u
 * that fall exactly on a boundary between two entries.
 */
public final class SamplingCheck implements ExerciseCheck {
    private static final double ATOL = 1e-9, RTOL = 1e-6;

    static double[] probabilities(float[] logits, double t, String variant) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) max = Math.max(max, v);
        double[] p = new double[logits.length];
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double z = variant.equals("no-max-shift") ? logits[i] / t
                    : variant.equals("times-temperature") ? (logits[i] - max) * t : (logits[i] - max) / t;
            p[i] = Math.exp(z);
            s += p[i];
        }
        for (int i = 0; i < p.length; i++) p[i] /= s;
        return p;
    }

    static int pick(double[] p, double u, boolean inclusive) {
        double c = 0;
        int last = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] <= 0) continue;
            c += p[i];
            last = i;
            if (inclusive ? u <= c : u < c) return i;
        }
        return last;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("Sampling");
        Method probs = ctx.staticMethod(c, "probabilities", double[].class, float[].class, double.class);
        Method pick = ctx.staticMethod(c, "pick", int.class, double[].class, double.class);
        Rng rng = ctx.rng();
        for (int round = 0; round < 30; round++) {
            int n = 2 + rng.nextInt(40);
            float[] logits = new float[n];
            float offset = round >= 24 ? 900f : 0f;
            for (int i = 0; i < n; i++) logits[i] = offset + (float) (rng.nextGaussian() * 3);
            double t = round == 0 ? 1.0 : 0.2 + 1.8 * rng.nextDouble();
            double[] want = probabilities(logits, t, "");
            double[] got = (double[]) ctx.call(probs, logits.clone(), t);
            Comparison cmp = Compare.doubles(want, got, ATOL, RTOL);
            if (!cmp.matches()) {
                String what = "probabilities(logits, T = " + Compare.format(t) + ")" + (offset > 0 ? " with logits near 900" : "");
                Optional<String> bug = WrongVariants.catalogue()
                        .add("times-temperature", () -> probabilities(logits, t, "times-temperature"))
                        .match(got, ATOL, RTOL);
                if (bug.isEmpty() && got != null && Arrays.stream(got).anyMatch(v -> !Double.isFinite(v))) {
                    bug = Optional.of("no-max-shift");
                }
                CheckReport r = cmp.toFailure(what + " differs from softmax(logits / T)");
                Optional<String> b = bug;
                return b.map(x -> CheckReport.fail(r.headline(), r.details() + "\n\nLikely bug (" + x + "): " + explain(x))
                        .withFirstDiff(r.firstDiff()).withLikelyBug(x)).orElse(r);
            }
        }
        // Boundaries first (where < and <= differ), then random draws.
        double[][] cases = {{0.25, 0.25, 0.5}, {0.5, 0, 0.5}, {0.1, 0.2, 0.3, 0.4}};
        double[][] us = {{0.0, 0.25, 0.5, 0.75, 0.9999999}, {0.0, 0.5, 0.4999, 0.99}, {0.1, 0.3, 0.6, 0.05}};
        for (int k = 0; k < cases.length; k++) {
            for (double u : us[k]) {
                String r = checkPick(ctx, pick, cases[k], u);
                if (r != null) return fail(r, cases[k], u);
            }
        }
        for (int round = 0; round < 200; round++) {
            int n = 1 + rng.nextInt(30);
            double[] p = probabilities(randomLogits(rng, n), 1.0, "");
            double u = rng.nextDouble();
            String r = checkPick(ctx, pick, p, u);
            if (r != null) return fail(r, p, u);
        }
        return CheckReport.pass("probabilities match softmax(logits / T) (also for logits near 900), and pick() "
                + "matches inverse-CDF sampling on 200 draws and every boundary case");
    }

    private static String checkPick(CheckContext ctx, Method pick, double[] p, double u) {
        int want = pick(p, u, false);
        int got = (Integer) ctx.call(pick, p.clone(), u);
        return want == got ? null : "pick(" + Arrays.toString(p) + ", u = " + u + ") should be " + want + " but is " + got;
    }

    private static CheckReport fail(String headline, double[] p, double u) {
        String bug = pick(p, u, true) != pick(p, u, false) ? "less-or-equal" : null;
        String details = "Walk through the probabilities adding them up; return the first index where u is below the "
                + "running total." + (bug == null ? "" : "\n\nLikely bug (" + bug + "): " + explain(bug));
        return CheckReport.fail(headline, details).withFirstDiff(headline).withLikelyBug(bug);
    }

    private static float[] randomLogits(Rng rng, int n) {
        float[] l = new float[n];
        for (int i = 0; i < n; i++) l[i] = (float) (rng.nextGaussian() * 2);
        return l;
    }

    static String explain(String bug) {
        switch (bug) {
            case "times-temperature": return "the logits are multiplied by T; divide by it (T < 1 must sharpen).";
            case "no-max-shift": return "exp() of large logits overflows to infinity; subtract the largest logit first.";
            case "less-or-equal": return "you return i when u <= running total; with u exactly on a boundary that picks "
                    + "the entry before it. Use u < running total.";
            default: return bug;
        }
    }
}
