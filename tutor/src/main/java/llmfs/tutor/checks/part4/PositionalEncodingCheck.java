package llmfs.tutor.checks.part4;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.Comparison;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Optional;

/** Exercise 4.4: the sinusoidal table against its closed form, on the lesson's 50 × 64 and on random sizes. */
public final class PositionalEncodingCheck implements ExerciseCheck {
    private static final double ATOL = 2e-5, RTOL = 1e-5;

    /** {@code variant}: "" (correct), "swapped", "doubled", "halves". */
    static float[][] table(int positions, int dim, String variant) {
        float[][] pe = new float[positions][dim];
        for (int p = 0; p < positions; p++) {
            for (int i = 0; i < dim; i += 2) {
                double angle = p / Math.pow(10000.0, (variant.equals("doubled") ? 2.0 : 1.0) * i / dim);
                float s = (float) Math.sin(angle), co = (float) Math.cos(angle);
                switch (variant) {
                    case "swapped" -> {
                        pe[p][i] = co;
                        pe[p][i + 1] = s;
                    }
                    case "halves" -> {
                        pe[p][i / 2] = s;
                        pe[p][dim / 2 + i / 2] = co;
                    }
                    default -> {
                        pe[p][i] = s;
                        pe[p][i + 1] = co;
                    }
                }
            }
        }
        return pe;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("PositionalEncoding");
        Method m = ctx.staticMethod(c, "table", float[][].class, int.class, int.class);
        Rng rng = ctx.rng();
        int[][] sizes = new int[12][];
        sizes[0] = new int[]{50, 64};
        sizes[1] = new int[]{64, 128};
        for (int i = 2; i < sizes.length; i++) sizes[i] = new int[]{1 + rng.nextInt(80), 2 * (1 + rng.nextInt(40))};
        for (int[] s : sizes) {
            int n = s[0], d = s[1];
            float[][] want = table(n, d, "");
            float[][] got = (float[][]) ctx.call(m, n, d);
            Comparison cmp = Compare.floats(Matrices.flat(want), Matrices.flat(got), ATOL, RTOL);
            if (!cmp.matches()) {
                Optional<String> bug = WrongVariants.catalogue()
                        .add("sin-cos-swapped", () -> Matrices.flat(table(n, d, "swapped")))
                        .add("pair-index-doubled", () -> Matrices.flat(table(n, d, "doubled")))
                        .add("halves-not-pairs", () -> Matrices.flat(table(n, d, "halves")))
                        .match(Matrices.flat(got), ATOL, RTOL);
                CheckReport r = cmp.toFailure("the table for " + n + " positions of width " + d + " is wrong"
                        + " (row 0 should be 0, 1, 0, 1, ...)", n, d);
                if (bug.isEmpty()) return r;
                return CheckReport.fail(r.headline(), r.details() + "\n\nLikely bug (" + bug.get() + "): "
                                + explain(bug.get())).withFirstDiff(r.firstDiff())
                        .withMaxError(r.maxError() == null ? 0 : r.maxError()).withLikelyBug(bug.get());
            }
        }
        return CheckReport.pass("the table matches sin/cos(p / 10000^(2i/d)) on 12 sizes, including the lesson's 50"
                + " positions × 64 columns");
    }

    static String explain(String bug) {
        return switch (bug) {
            case "sin-cos-swapped" -> "even columns hold the cosine and odd ones the sine; it is the other way round"
                    + " (row 0 starts 0, 1).";
            case "pair-index-doubled" -> "the exponent is doubled: in the loop over even columns i, i already is 2·pair,"
                    + " so the angle is p / 10000^(i/d), not p / 10000^(2i/d).";
            case "halves-not-pairs" -> "all sines come first and all cosines after; they alternate column by column"
                    + " (sin in 2i, cos in 2i+1).";
            default -> bug;
        };
    }
}
