package llmfs.tutor.checks.part5;

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
 * Exercise 5.4: the mean cross-entropy over unmasked rows, against the compute layer's
 * {@code crossEntropy(targets, -1)} (the loss the SFT lab trains with), on small worked rows, huge logits (where
 * the max shift matters) and random batches with random masks.
 */
public final class MaskedLossCheck implements ExerciseCheck {
    private static final int ROUNDS = 30;
    private static final double TOL = 1e-4;

    static double loss(float[][] logits, int[] targets, String variant) {
        double total = 0;
        int counted = 0;
        for (int r = 0; r < logits.length; r++) {
            if (targets[r] == -1) continue;
            double max = variant.equals("no-max-shift") ? 0 : Double.NEGATIVE_INFINITY;
            if (!variant.equals("no-max-shift")) for (float v : logits[r]) max = Math.max(max, v);
            double sum = 0;
            for (float v : logits[r]) sum += Math.exp(v - max);
            total += max + Math.log(sum) - logits[r][targets[r]];
            counted++;
        }
        if (variant.equals("sum-not-mean")) return total;
        if (counted == 0) return 0;
        return variant.equals("divides-by-all-rows") ? total / logits.length : total / counted;
    }

    /** The compute layer's masked cross-entropy, as the lab uses it (0 when nothing counts). */
    static double reference(float[][] logits, int[] targets) {
        if (Arrays.stream(targets).allMatch(t -> t == -1)) return 0;
        return Tensor.of(logits).crossEntropy(targets, -1).item();
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("MaskedLoss");
        Method m = ctx.staticMethod(c, "loss", double.class, float[][].class, int[].class);
        Rng rng = ctx.rng();
        for (int round = 0; round < ROUNDS; round++) {
            float[][] logits;
            int[] targets;
            if (round == 0) {
                logits = new float[][]{{0, 0, 0}, {1, 2, 3}, {2, 0, 0}, {0, 5, 0}};
                targets = new int[]{-1, 2, -1, 1};
            } else {
                int rows = 1 + rng.nextInt(8), cols = 2 + rng.nextInt(10);
                float scale = round == 1 || round % 7 == 0 ? 1000f : 3f;
                logits = new float[rows][cols];
                targets = new int[rows];
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < cols; j++) logits[r][j] = (float) (rng.nextGaussian() * scale);
                    targets[r] = rng.nextInt(3) == 0 ? -1 : rng.nextInt(cols);
                }
                if (round == 2) Arrays.fill(targets, -1);
                else if (Arrays.stream(targets).allMatch(t -> t == -1)) targets[0] = 0;
            }
            double want = round == 2 ? 0 : reference(logits, targets);
            if (!Double.isFinite(want)) want = loss(logits, targets, "");
            double got = (double) ctx.call(m, copy(logits), targets.clone());
            if (!Compare.close(want, got, TOL, TOL)) {
                final float[][] l = logits;
                final int[] t = targets;
                Optional<String> bug = WrongVariants.catalogue()
                        .add("no-max-shift", () -> loss(l, t, "no-max-shift"))
                        .add("divides-by-all-rows", () -> loss(l, t, "divides-by-all-rows"))
                        .add("sum-not-mean", () -> loss(l, t, "sum-not-mean"))
                        .match(got, TOL, TOL);
                if (bug.isEmpty() && !Double.isFinite(got) && !Double.isFinite(loss(l, t, "no-max-shift"))) {
                    bug = Optional.of("no-max-shift");
                }
                String details = "logits " + Arrays.deepToString(l).replace("], [", "],\n        [") + "\ntargets "
                        + Arrays.toString(t) + "\nexpected " + want + " but got " + got
                        + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
                return CheckReport.fail("the masked loss is " + got + " but should be " + Compare.format(want), details)
                        .withMaxError(Math.abs(want - got)).withLikelyBug(bug.orElse(null));
            }
        }
        return CheckReport.pass("the masked loss matches the compute layer's crossEntropy(targets, -1) on " + ROUNDS
                + " batches, including logits around ±1000 and a batch with every row masked");
    }

    private static float[][] copy(float[][] a) {
        float[][] b = new float[a.length][];
        for (int i = 0; i < a.length; i++) b[i] = a[i].clone();
        return b;
    }

    static String explain(String bug) {
        return switch (bug) {
            case "no-max-shift" -> "exp() of a logit near 1000 overflows; subtract the row's maximum before exp() and "
                    + "add it back after the log (exercise 1.4).";
            case "divides-by-all-rows" -> "the sum is divided by every row, masked ones included, so the more prompt "
                    + "there is the smaller the loss looks; divide by the number of counted rows.";
            case "sum-not-mean" -> "the loss is the sum over counted rows; divide it by how many rows counted.";
            default -> bug;
        };
    }
}
