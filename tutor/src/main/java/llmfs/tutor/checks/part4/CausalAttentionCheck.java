package llmfs.tutor.checks.part4;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.Comparison;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;

/**
 * Exercise 4.2: causal attention. First the property that defines it — changing the tokens after position p never
 * changes the outputs at positions up to p — then the weights and outputs against the reference, the course's
 * seed-42 example included (its first row is [1, 0, 0]).
 */
public final class CausalAttentionCheck implements ExerciseCheck {
    private static final double ATOL = AttentionCheck.ATOL, RTOL = AttentionCheck.RTOL;

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("CausalAttention");
        Method weights = ctx.staticMethod(c, "weights", float[][].class, float[][].class, float[][].class);
        Method output = ctx.staticMethod(c, "output", float[][].class, float[][].class, float[][].class,
                float[][].class);
        Rng rng = ctx.rng();
        for (int round = 0; round < 10; round++) {
            int t = 2 + rng.nextInt(8), d = 1 + rng.nextInt(12);
            float[][] q = Matrices.randn(rng, t, d, 1.5), k = Matrices.randn(rng, t, d, 1.5);
            float[][] v = Matrices.randn(rng, t, d, 1.0);
            int p = rng.nextInt(t - 1);
            float[][] before = (float[][]) ctx.call(output, Matrices.copy(q), Matrices.copy(k), Matrices.copy(v));
            float[][] q2 = Matrices.copy(q), k2 = Matrices.copy(k), v2 = Matrices.copy(v);
            for (int r = p + 1; r < t; r++) {
                q2[r] = Matrices.randn(rng, 1, d, 3)[0];
                k2[r] = Matrices.randn(rng, 1, d, 3)[0];
                v2[r] = Matrices.randn(rng, 1, d, 3)[0];
            }
            float[][] after = (float[][]) ctx.call(output, q2, k2, v2);
            for (int r = 0; r <= p && before != null && after != null && r < before.length && r < after.length; r++) {
                Comparison same = Compare.floats(before[r], after[r], 1e-6, 1e-6);
                if (!same.matches()) {
                    String headline = String.format(Locale.ROOT, "changing the tokens after position %d changed"
                            + " the output at position %d: a position must not see later ones", p, r);
                    float[][] gotW = (float[][]) ctx.call(weights, Matrices.copy(q), Matrices.copy(k));
                    Optional<String> bug = name(q, k, gotW);
                    return CheckReport.fail(headline, "output row " + r + " before: " + Compare.preview(before[r], 6)
                                    + "\nafter changing rows " + (p + 1) + ".." + (t - 1) + " of Q, K and V: "
                                    + Compare.preview(after[r], 6)
                                    + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse(""))
                            .withLikelyBug(bug.orElse(null));
                }
            }
        }
        for (int round = 0; round < 20; round++) {
            boolean toy = round == 0;
            int t = toy ? 3 : 1 + rng.nextInt(9), d = toy ? 4 : 1 + rng.nextInt(16);
            float[][] q = toy ? AttentionMath.SEED_42 : Matrices.randn(rng, t, d, 1.5);
            float[][] k = toy ? AttentionMath.SEED_42 : Matrices.randn(rng, t, d, 1.5);
            float[][] v = toy ? AttentionMath.SEED_42 : Matrices.randn(rng, t, d, 1.0);
            String where = toy ? "on the course's seed-42 example (3 tokens of width 4, Q = K = V)"
                    : "on " + t + " tokens of width " + d;
            float[][] want = AttentionMath.weights(q, k, "causal", "sqrt", false);
            float[][] gotW = (float[][]) ctx.call(weights, Matrices.copy(q), Matrices.copy(k));
            Comparison cw = Compare.floats(Matrices.flat(want), Matrices.flat(gotW), ATOL, RTOL);
            if (!cw.matches()) {
                Optional<String> bug = name(q, k, gotW);
                CheckReport r = AttentionCheck.fail(cw, "the causal weights are wrong " + where, t, t,
                        Optional.empty(), toy ? want : null);
                return CheckReport.fail(r.headline(), r.details()
                                + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse(""))
                        .withFirstDiff(r.firstDiff()).withMaxError(r.maxError()).withLikelyBug(bug.orElse(null));
            }
            float[][] wantOut = AttentionMath.apply(want, v);
            float[][] gotOut = (float[][]) ctx.call(output, Matrices.copy(q), Matrices.copy(k), Matrices.copy(v));
            Comparison co = Compare.floats(Matrices.flat(wantOut), Matrices.flat(gotOut), ATOL, RTOL);
            if (!co.matches()) {
                return co.toFailure("the weights are right but the output is wrong " + where + ": row i averages"
                        + " the VALUE rows 0..i with row i of the weights", t, d);
            }
        }
        return CheckReport.pass("later tokens never change earlier outputs, and weights and outputs match the"
                + " reference on 20 inputs, including the seed-42 example [[1 0 0] [0.035 0.965 0] [0.307 0.251"
                + " 0.442]]");
    }

    private static Optional<String> name(float[][] q, float[][] k, float[][] got) {
        return WrongVariants.catalogue()
                .add("no-mask", () -> Matrices.flat(AttentionMath.weights(q, k, "none", "sqrt", false)))
                .add("mask-after-softmax", () -> Matrices.flat(AttentionMath.weights(q, k, "after", "sqrt", false)))
                .add("masks-the-past", () -> Matrices.flat(AttentionMath.weights(q, k, "past", "sqrt", false)))
                .add("hides-the-diagonal", () -> Matrices.flat(AttentionMath.weights(q, k, "strict", "sqrt", false)))
                .match(Matrices.flat(got), ATOL, RTOL);
    }

    static String explain(String bug) {
        return switch (bug) {
            case "no-mask" -> "nothing is masked: every position attends to later ones, which at generation time do"
                    + " not exist yet. Set the scores with j > i to −∞ before the softmax.";
            case "mask-after-softmax" -> "the later positions are zeroed AFTER the softmax, so the remaining weights"
                    + " no longer sum to 1 (and still depend on the later scores). Mask the scores before it.";
            case "masks-the-past" -> "the mask hides the earlier positions (j < i) instead of the later ones (j > i).";
            case "hides-the-diagonal" -> "the mask also hides position i itself (j ≥ i); a position may attend to"
                    + " itself: hide only j > i.";
            default -> bug;
        };
    }
}
