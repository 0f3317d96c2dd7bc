package llmfs.tutor.checks.part6;

import llmfs.compute.Rng;
import llmfs.compute.Tensor;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Exercise 6.1: the masked sum of log-probabilities against the compute layer's {@code tokenLogProbs} (what the DPO
 * lab uses), on a worked sequence, sequences with long padding, huge logits and random masks.
 */
public final class SequenceLogProbCheck implements ExerciseCheck {
    private static final int ROUNDS = 30;
    private static final double TOL = 1e-4;

    static double logProb(float[][] logits, int[] targets, boolean[] mask, String variant) {
        double total = 0;
        int n = 0;
        for (int t = 0; t < logits.length; t++) {
            if (!mask[t] && !variant.equals("unmasked")) continue;
            n++;
            double max = Double.NEGATIVE_INFINITY;
            for (float v : logits[t]) max = Math.max(max, v);
            double sum = 0;
            for (float v : logits[t]) sum += Math.exp(v - max);
            total += switch (variant) {
                case "raw-logits" -> logits[t][targets[t]];
                case "probabilities-summed" -> Math.exp(logits[t][targets[t]] - max) / sum;
                default -> logits[t][targets[t]] - max - Math.log(sum);
            };
        }
        if (variant.equals("mean-not-sum")) return n == 0 ? 0 : total / n;
        return total;
    }

    /** The compute layer's masked sequence log-probability. */
    static double reference(float[][] logits, int[] targets, boolean[] mask) {
        int[] masked = targets.clone();
        for (int t = 0; t < masked.length; t++) if (!mask[t]) masked[t] = -1;
        double s = 0;
        for (float v : Tensor.of(logits).tokenLogProbs(masked, -1).toArray()) s += v;
        return s;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("SequenceLogProb");
        Method m = ctx.staticMethod(c, "logProb", double.class, float[][].class, int[].class, boolean[].class);
        Rng rng = ctx.rng();
        for (int round = 0; round < ROUNDS; round++) {
            float[][] logits;
            int[] targets;
            boolean[] mask;
            if (round == 0) {
                logits = new float[][]{{2, 0, 0}, {0, 0, 0}, {1, 3, 0}, {0, 0, 4}};
                targets = new int[]{0, 1, 1, 2};
                mask = new boolean[]{false, true, true, false};
            } else {
                int len = 2 + rng.nextInt(12), vocab = 2 + rng.nextInt(8);
                float scale = round % 6 == 0 ? 500f : 2f;
                logits = new float[len][vocab];
                targets = new int[len];
                mask = new boolean[len];
                int start = rng.nextInt(len), end = start + 1 + rng.nextInt(len - start); // prompt | answer | padding
                for (int t = 0; t < len; t++) {
                    for (int j = 0; j < vocab; j++) logits[t][j] = (float) (rng.nextGaussian() * scale);
                    targets[t] = rng.nextInt(vocab);
                    mask[t] = t >= start && t < end;
                }
            }
            double want = reference(logits, targets, mask);
            double got = (double) ctx.call(m, copy(logits), targets.clone(), mask.clone());
            if (!Compare.close(want, got, TOL, TOL)) {
                final float[][] l = logits;
                final int[] tg = targets;
                final boolean[] mk = mask;
                Optional<String> bug = WrongVariants.catalogue()
                        .add("unmasked", () -> logProb(l, tg, mk, "unmasked"))
                        .add("mean-not-sum", () -> logProb(l, tg, mk, "mean-not-sum"))
                        .add("raw-logits", () -> logProb(l, tg, mk, "raw-logits"))
                        .add("probabilities-summed", () -> logProb(l, tg, mk, "probabilities-summed"))
                        .match(got, TOL, TOL);
                String details = "logits " + Arrays.deepToString(l).replace("], [", "],\n       [") + "\ntargets "
                        + Arrays.toString(tg) + "\nmask    " + Arrays.toString(mk) + "\nexpected " + want + " but got "
                        + got + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
                return CheckReport.fail("the sequence log-probability is " + got + " but should be "
                        + Compare.format(want), details).withMaxError(Math.abs(want - got)).withLikelyBug(bug.orElse(null));
            }
        }
        return CheckReport.pass("logProb matches the compute layer's masked tokenLogProbs sum on " + ROUNDS
                + " sequences (prompt and padding left out, logits up to ±500)");
    }

    private static float[][] copy(float[][] a) {
        float[][] b = new float[a.length][];
        for (int i = 0; i < a.length; i++) b[i] = a[i].clone();
        return b;
    }

    static String explain(String bug) {
        return switch (bug) {
            case "unmasked" -> "every position is summed, prompt and padding included; the original course did this "
                    + "and so compared padding between a short and a long answer. Skip positions with mask[t] false.";
            case "mean-not-sum" -> "the result is divided by the number of tokens; a sequence's log-probability is "
                    + "the sum (the log of the product of its token probabilities).";
            case "raw-logits" -> "the logit at the target is not a log-probability: subtract the row's log-sum-exp.";
            case "probabilities-summed" -> "probabilities were added; add their logs instead (log-softmax).";
            default -> bug;
        };
    }
}
