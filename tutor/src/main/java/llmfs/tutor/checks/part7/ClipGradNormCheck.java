package llmfs.tutor.checks.part7;

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
 * Exercise 7.2: a gradient already under the limit (nothing may change), one far over it, one where a single tensor
 * is over the limit but the whole is not, then random gradients. The returned norm and every element are compared.
 */
public final class ClipGradNormCheck implements ExerciseCheck {
    private static final double ATOL = 1e-6, RTOL = 1e-5;

    /** The returned norm followed by every element after clipping. */
    static double[] reference(float[][] grads, double maxNorm, String variant) {
        float[][] g = copy(grads);
        double total = 0;
        for (float[] t : g) for (float v : t) total += (double) v * v;
        double norm = Math.sqrt(total);
        double returned = norm;
        switch (variant) {
            case "per-tensor" -> {
                for (float[] t : g) {
                    double s = 0;
                    for (float v : t) s += (double) v * v;
                    double n = Math.sqrt(s);
                    if (n > maxNorm) scale(t, maxNorm / n);
                }
            }
            case "scales-up" -> scale(g, maxNorm / norm);
            case "no-sqrt" -> {
                returned = total;
                if (total > maxNorm) scale(g, maxNorm / total);
            }
            case "returns-clipped-norm" -> {
                if (norm > maxNorm) scale(g, maxNorm / norm);
                returned = Math.min(norm, maxNorm);
            }
            default -> {
                if (norm > maxNorm) scale(g, maxNorm / norm);
            }
        }
        return flat(returned, g);
    }

    private static void scale(float[][] g, double s) {
        for (float[] t : g) scale(t, s);
    }

    private static void scale(float[] t, double s) {
        for (int i = 0; i < t.length; i++) t[i] = (float) (t[i] * s);
    }

    static double[] flat(double returned, float[][] g) {
        int n = 1;
        for (float[] t : g) n += t.length;
        double[] out = new double[n];
        out[0] = returned;
        int k = 1;
        for (float[] t : g) for (float v : t) out[k++] = v;
        return out;
    }

    private static float[][] copy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("ClipGradNorm");
        Method m = ctx.staticMethod(c, "clip", double.class, float[][].class, double.class);
        Rng rng = ctx.rng();
        // Round 0: norm 0.5 (0.3, 0.4 in two tensors), limit 1: nothing changes. Round 1: norm 50, limit 1.
        // Round 2: one tensor has norm 3, the whole has norm 3.0017 under a limit of 5: still nothing changes...
        // Round 3: ...but under a limit of 2.5 both tensors shrink by the same factor.
        float[][][] fixed = {
                {{0.3f}, {0.4f}},
                {{30f, 0f}, {40f}},
                {{3f, 0f, 0f}, {0.1f}},
                {{3f, 0f, 0f}, {0.1f}, {0.05f, -0.05f}}
        };
        double[] limits = {1.0, 1.0, 5.0, 2.5};
        for (int i = 0; i < fixed.length; i++) {
            CheckReport r = one(ctx, m, fixed[i], limits[i]);
            if (r != null) return r;
        }
        for (int round = 0; round < 30; round++) {
            int tensors = 1 + rng.nextInt(6);
            float[][] g = new float[tensors][];
            double spread = Math.pow(10, rng.nextInt(5) - 2);
            for (int t = 0; t < tensors; t++) {
                g[t] = new float[1 + rng.nextInt(40)];
                for (int i = 0; i < g[t].length; i++) g[t][i] = (float) (rng.nextGaussian() * spread);
            }
            double limit = rng.nextInt(2) == 0 ? 1.0 : 0.1 + rng.nextDouble() * 5;
            CheckReport r = one(ctx, m, g, limit);
            if (r != null) return r;
        }
        return CheckReport.pass("clip returns the global norm and scales all tensors by the same factor, only when the "
                + "norm is over the limit (34 gradients checked)");
    }

    private static CheckReport one(CheckContext ctx, Method m, float[][] grads, double maxNorm) {
        double[] want = reference(grads, maxNorm, "");
        float[][] given = copy(grads);
        double returned = (Double) ctx.call(m, given, maxNorm);
        double[] got = flat(returned, given);
        Comparison cmp = Compare.doubles(want, got, ATOL, RTOL);
        if (cmp.matches()) return null;
        Optional<String> bug = WrongVariants.catalogue()
                .add("no-sqrt", () -> reference(grads, maxNorm, "no-sqrt"))
                .add("scales-up", () -> reference(grads, maxNorm, "scales-up"))
                .add("per-tensor", () -> reference(grads, maxNorm, "per-tensor"))
                .add("returns-clipped-norm", () -> reference(grads, maxNorm, "returns-clipped-norm"))
                .match(got, ATOL, RTOL);
        String what = !Compare.close(want[0], got[0], ATOL, RTOL)
                ? "clip returned " + Compare.format(got[0]) + " but the norm before clipping is " + Compare.format(want[0])
                : "the clipped gradients are wrong";
        String details = grads.length + " tensors, global norm " + Compare.format(want[0]) + ", maxNorm "
                + Compare.format(maxNorm) + "\n" + (cmp.firstDiff() == null ? "" : "first difference (index 0 is the "
                + "returned norm, then the elements in order): " + cmp.firstDiff())
                + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
        return CheckReport.fail(what, details).withMaxError(cmp.maxAbsError()).withFirstDiff(cmp.firstDiff())
                .withLikelyBug(bug.orElse(null));
    }

    static String explain(String bug) {
        switch (bug) {
            case "no-sqrt": return "the 'norm' is the sum of squares: take its square root before comparing with maxNorm.";
            case "scales-up": return "a gradient under the limit was scaled too (and so made bigger); scale only when "
                    + "norm > maxNorm.";
            case "per-tensor": return "each tensor is clipped by its own norm, which changes the gradient's direction; "
                    + "measure one norm over all tensors together and scale them all by the same factor.";
            case "returns-clipped-norm": return "the value returned is the norm after clipping; return the norm you "
                    + "measured before, which is what training logs.";
            default: return bug;
        }
    }
}
