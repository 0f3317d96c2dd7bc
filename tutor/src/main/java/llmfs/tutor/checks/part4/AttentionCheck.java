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

/**
 * Exercise 4.1: the weights and output of scaled dot-product attention, first on the course's seed-42 toy input
 * (three tokens of width 4, used as Q, K and V), then on random shapes.
 */
public final class AttentionCheck implements ExerciseCheck {
    static final double ATOL = 2e-5, RTOL = 1e-4;

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("Attention");
        Method weights = ctx.staticMethod(c, "weights", float[][].class, float[][].class, float[][].class);
        Method output = ctx.staticMethod(c, "output", float[][].class, float[][].class, float[][].class,
                float[][].class);
        Rng rng = ctx.rng();
        for (int round = 0; round < 25; round++) {
            boolean toy = round == 0;
            int t = toy ? 3 : 1 + rng.nextInt(9), d = toy ? 4 : 1 + rng.nextInt(16), dv = d;
            float[][] q = toy ? AttentionMath.SEED_42 : Matrices.randn(rng, t, d, 1.5);
            float[][] k = toy ? AttentionMath.SEED_42 : Matrices.randn(rng, t, d, 1.5);
            float[][] v = toy ? AttentionMath.SEED_42 : Matrices.randn(rng, t, dv, 1.0);
            if (round % 5 == 4) v = k; // so using the keys as values is visible only when they differ
            String where = toy ? "on the course's seed-42 example (3 tokens of width 4, Q = K = V)"
                    : "on " + t + " tokens of width " + d;
            float[][] want = AttentionMath.weights(q, k, "none", "sqrt", false);
            float[][] gotW = (float[][]) ctx.call(weights, Matrices.copy(q), Matrices.copy(k));
            Comparison cw = Compare.floats(Matrices.flat(want), Matrices.flat(gotW), ATOL, RTOL);
            if (!cw.matches()) {
                float[][] qq = q, kk = k;
                Optional<String> bug = WrongVariants.catalogue()
                        .add("no-scaling", () -> Matrices.flat(AttentionMath.weights(qq, kk, "none", "none", false)))
                        .add("scaled-by-d", () -> Matrices.flat(AttentionMath.weights(qq, kk, "none", "d", false)))
                        .add("softmax-over-columns",
                                () -> Matrices.flat(AttentionMath.weights(qq, kk, "none", "sqrt", true)))
                        .match(Matrices.flat(gotW), ATOL, RTOL);
                return fail(cw, "the attention weights are wrong " + where, t, t, bug, toy ? want : null);
            }
            float[][] wantOut = AttentionMath.apply(want, v);
            float[][] gotOut = (float[][]) ctx.call(output, Matrices.copy(q), Matrices.copy(k), Matrices.copy(v));
            Comparison co = Compare.floats(Matrices.flat(wantOut), Matrices.flat(gotOut), ATOL, RTOL);
            if (!co.matches()) {
                float[][] kk = k;
                Optional<String> bug = WrongVariants.catalogue()
                        .add("keys-as-values", () -> Matrices.flat(AttentionMath.apply(want, kk)))
                        .match(Matrices.flat(gotOut), ATOL, RTOL);
                return fail(co, "the weights are right but the output is wrong " + where, t, v[0].length, bug, null);
            }
        }
        return CheckReport.pass("weights and outputs match the reference on 25 inputs, including the course's seed-42"
                + " example: [[0.332 0.290 0.378] [0.034 0.930 0.036] [0.307 0.251 0.442]]");
    }

    static CheckReport fail(Comparison c, String headline, int rows, int cols, Optional<String> bug, float[][] show) {
        CheckReport r = c.toFailure(headline, rows, cols);
        String details = r.details() + (show == null ? "" : "\nexpected weights:\n" + Matrices.show(show))
                + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
        return CheckReport.fail(headline, details).withFirstDiff(r.firstDiff())
                .withMaxError(r.maxError() == null ? Double.POSITIVE_INFINITY : r.maxError())
                .withLikelyBug(bug.orElse(null));
    }

    static String explain(String bug) {
        return switch (bug) {
            case "no-scaling" -> "the scores are not divided by √d. Without it they grow with the width, and the"
                    + " softmax turns almost one-hot.";
            case "scaled-by-d" -> "the scores are divided by d; divide by √d (Math.sqrt(d)), which keeps their"
                    + " variance near 1.";
            case "softmax-over-columns" -> "the softmax runs down the columns; each ROW (one query against every"
                    + " key) must sum to 1.";
            case "keys-as-values" -> "the output averages the key rows; it must average the VALUE rows.";
            default -> bug;
        };
    }
}
