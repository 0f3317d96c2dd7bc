package llmfs.tutor.checks.part1;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.Diagnosis;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Function;

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
            double log = variant.equals("log10") ? Math.log10(s) : Math.log(s);
            double row = (variant.equals("shift-not-added-back") ? 0 : max) + log - logits[r][targets[r]];
            total += variant.equals("sign-flipped") ? -row : row;
        }
        return variant.equals("sum-not-mean") ? total
                : variant.equals("mean-over-classes") ? total / logits[0].length : total / logits.length;
    }

    /** A batch of logits with its targets. */
    record Batch(float[][] logits, int[] targets) {
        String show() {
            StringBuilder sb = new StringBuilder("loss(");
            sb.append(java.util.Arrays.deepToString(logits).replace(".0,", ",").replace(".0]", "]"));
            return sb.append(", ").append(java.util.Arrays.toString(targets)).append(')').toString();
        }
    }

    private static final List<String> VARIANTS = List.of("sum-not-mean", "sign-flipped", "mean-over-classes",
            "shift-not-added-back", "log10");

    /**
     * Fixed rounds, smallest first: one row of two equal logits (ln 2), one row with a huge spread, rows at +1000
     * and −1000 together (each row needs its own shift), tiny logits, the target at the row's maximum and minimum.
     */
    static final List<Batch> EDGES = List.of(
            new Batch(new float[][]{{0, 0}}, new int[]{0}),
            new Batch(new float[][]{{1000, -1000, 0}}, new int[]{2}),
            new Batch(new float[][]{{1000, 999, 998}, {-1000, -1001, -1002}}, new int[]{0, 2}),
            new Batch(new float[][]{{1e-30f, -1e-30f, 0, 2e-30f}}, new int[]{3}),
            new Batch(new float[][]{{5, 1, -3}, {0.5f, 2, 4}, {-7, -7, 3}}, new int[]{0, 0, 2}));

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("CrossEntropy");
        Method m = ctx.staticMethod(c, "loss", double.class, float[][].class, int[].class);
        Rng rng = ctx.rng();
        Function<Batch, Double> learner = b -> {
            ctx.input(b.show());
            return (Double) ctx.call(m, deepCopy(b.logits()), b.targets().clone());
        };
        // Uniform logits, whose loss is log(classes) (ln 27 ≈ 3.2958 for the names vocabulary).
        Batch uniform = new Batch(new float[4][27], new int[]{0, 5, 13, 26});
        double got0 = learner.apply(uniform);
        if (!Compare.close(Math.log(27), got0, ATOL, RTOL)) {
            return judge(uniform, got0, "with all logits equal the loss should be ln 27 = 3.2958 (a uniform guess)",
                    learner);
        }
        for (Batch b : EDGES) {
            double got = learner.apply(b);
            double want = reference(b.logits(), b.targets(), "");
            if (!Compare.close(want, got, ATOL, RTOL)) {
                String[] f = Compare.formatPair(want, got);
                return judge(b, got, b.show() + " is " + f[1] + " but should be " + f[0], learner);
            }
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
            Batch b = new Batch(logits, targets);
            double got = learner.apply(b);
            double want = reference(logits, targets, "");
            if (!Compare.close(want, got, ATOL, RTOL)) {
                String[] f = Compare.formatPair(want, got);
                return judge(b, got, (huge ? "on logits around ±1000 " : "") + "the loss is " + f[1]
                        + " but should be " + f[0], learner);
            }
        }
        return CheckReport.pass("the loss matches the reference on " + EDGES.size() + " edge cases (ln 2, spreads "
                + "of 2000, rows at +1000 and −1000 together, tiny logits) and 30 random batches, including logits "
                + "near ±1000 (and equals ln 27 for uniform logits)");
    }

    private static CheckReport judge(Batch b, double got, String headline, Function<Batch, Double> learner) {
        float[][] logits = b.logits();
        int[] targets = b.targets();
        double want = reference(logits, targets, "");
        String[] f = Compare.formatPair(want, got);
        String input = logits.length <= 3 && logits[0].length <= 6 ? b.show() + "\n"
                : logits.length + " rows of " + logits[0].length + " logits; ";
        String details = input + "expected " + f[0] + ", got " + f[1];
        CheckReport r = CheckReport.fail(headline, details).withMaxError(Math.abs(want - got))
                .withFirstDiff("expected " + f[0] + " but got " + f[1]);
        // Probes: the failing batch and three rows of four logits (rows ≠ classes, maxima far from 0, targets
        // not at the maximum), where every modelled mistake gives its own number.
        Batch probe = new Batch(new float[][]{{3, 1, -2, 0.5f}, {-1, 4, 2, 2}, {0.25f, -3, 6, 1}}, new int[]{1, 0, 3});
        List<Batch> probes = List.of(b, probe);
        Diagnosis d = Diagnosis.within(ATOL, RTOL);
        for (String v : VARIANTS) {
            d.suspect(v, explain(v), probes, learner, x -> reference(x.logits(), x.targets(), v),
                    x -> reference(x.logits(), x.targets(), ""));
        }
        // The overflow is confirmed only when ordinary logits come out right and the same logits moved to +1000
        // give a number that is not finite (code that does shift never does that).
        d.suspect("no-max-shift", explain("no-max-shift"), () -> {
            if (!Compare.close(reference(probe.logits(), probe.targets(), ""), learner.apply(probe), ATOL, RTOL)) {
                return false;
            }
            float[][] high = deepCopy(probe.logits());
            for (float[] row : high) for (int j = 0; j < row.length; j++) row[j] += 1000;
            return !Double.isFinite(learner.apply(new Batch(high, probe.targets())));
        });
        return d.explain(r);
    }

    static String explain(String bug) {
        switch (bug) {
            case "no-max-shift": return "your loss is right on ordinary logits but not finite once they are near "
                    + "1000: exp() of a logit near 1000 is infinite. Subtract the row's maximum before exp() and add it "
                    + "back after log().";
            case "sum-not-mean": return "the per-row losses are summed; divide by the number of rows to get the mean.";
            case "sign-flipped": return "the sign is flipped: the loss is −log p(target), which is never negative.";
            case "mean-over-classes": return "the total is divided by the number of classes (the row length); the mean "
                    + "is over rows: divide by logits.length.";
            case "shift-not-added-back": return "the row maximum is subtracted before exp() but not added back after "
                    + "log(): log Σ exp(x) = max + log Σ exp(x − max).";
            case "log10": return "Math.log10 is used; cross-entropy uses the natural logarithm, Math.log.";
            default: return bug;
        }
    }

    private static float[][] deepCopy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
