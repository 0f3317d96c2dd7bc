package llmfs.tutor.checks.part1;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Exercise 1.4: mean cross-entropy on ordinary logits, then on huge ones (around ±1000), where exp() overflows
 * unless the row maximum is subtracted first.
 */
public final class CrossEntropyCheck implements ExerciseCheck {
    private static final double ATOL = 1e-6, RTOL = 1e-6;

    static double reference(float[][] logits, int[] targets, String variant) {
        double total = 0;
        for (int r = 0; r < logits.length; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (float v : logits[r]) max = Math.max(max, v);
            if (variant.equals("no-max-shift")) max = 0;
            double s = 0;
            for (float v : logits[r]) s += Math.exp(v - max);
            double row = max + Math.log(s) - logits[r][targets[r]];
            total += variant.equals("sign-flipped") ? -row : row;
        }
        return variant.equals("sum-not-mean") ? total : total / logits.length;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("CrossEntropy");
        Method m = ctx.staticMethod(c, "loss", double.class, float[][].class, int[].class);
        Rng rng = ctx.rng();
        // Round 0: uniform logits, whose loss is log(classes) (ln 27 ≈ 3.2958 for the names vocabulary).
        float[][] uniform = new float[4][27];
        int[] t0 = {0, 5, 13, 26};
        double got0 = (Double) ctx.call(m, deepCopy(uniform), t0.clone());
        if (!Compare.close(Math.log(27), got0, ATOL, RTOL)) {
            return judge(uniform, t0, got0, "with all logits equal the loss should be ln 27 = 3.2958 (a uniform guess)");
        }
        for (int round = 0; round < 30; round++) {
            boolean huge = round >= 20;
            int rows = 1 + rng.nextInt(12), cols = 2 + rng.nextInt(40);
            float[][] logits = new float[rows][cols];
            int[] targets = new int[rows];
            for (int r = 0; r < rows; r++) {
                float offset = huge ? (rng.nextInt(2) == 0 ? 1 : -1) * (800 + rng.nextInt(400)) : 0;
                for (int j = 0; j < cols; j++) logits[r][j] = offset + (float) (rng.nextGaussian() * (huge ? 5 : 2));
                targets[r] = rng.nextInt(cols);
            }
            double got = (Double) ctx.call(m, deepCopy(logits), targets.clone());
            double want = reference(logits, targets, "");
            if (!Compare.close(want, got, ATOL, RTOL)) {
                return judge(logits, targets, got, (huge ? "on logits around ±1000 " : "") + "the loss is "
                        + Compare.format(got) + " but should be " + Compare.format(want));
            }
        }
        return CheckReport.pass("the loss matches the reference on 30 random batches, including logits near ±1000 "
                + "(and equals ln 27 for uniform logits)");
    }

    private static CheckReport judge(float[][] logits, int[] targets, double got, String headline) {
        double want = reference(logits, targets, "");
        Optional<String> bug = WrongVariants.catalogue()
                .add("sum-not-mean", () -> reference(logits, targets, "sum-not-mean"))
                .add("sign-flipped", () -> reference(logits, targets, "sign-flipped"))
                .match(got, ATOL, RTOL);
        if (bug.isEmpty() && !Double.isFinite(got) && Double.isFinite(want)) {
            double naive = reference(logits, targets, "no-max-shift");
            if (!Double.isFinite(naive)) bug = Optional.of("no-max-shift");
        }
        String details = logits.length + " rows of " + logits[0].length + " logits; expected "
                + Compare.format(want) + ", got " + Compare.format(got)
                + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
        return CheckReport.fail(headline, details).withMaxError(Math.abs(want - got))
                .withFirstDiff("expected " + Compare.format(want) + " but got " + Compare.format(got))
                .withLikelyBug(bug.orElse(null));
    }

    static String explain(String bug) {
        switch (bug) {
            case "no-max-shift": return "your loss matches cross-entropy without the log-sum-exp shift: exp() of a "
                    + "logit near 1000 is infinite. Subtract the row's maximum before exp() and add it back after log().";
            case "sum-not-mean": return "the per-row losses are summed; divide by the number of rows to get the mean.";
            case "sign-flipped": return "the sign is flipped: the loss is −log p(target), which is never negative.";
            default: return bug;
        }
    }

    private static float[][] deepCopy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
