package llmfs.tutor.checks.part1;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.Comparison;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.Diagnosis;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Function;

/** Exercise 1.6: one AdamW update against a float64 reference, at early steps where bias correction matters. */
public final class AdamWStepCheck implements ExerciseCheck {
    private static final double ATOL = 1e-6, RTOL = 1e-4;

    /** Returns {p, m, v} after the update, computed in double. */
    static float[][] reference(float[] p0, float[] g, float[] m0, float[] v0, int t, double lr, double b1, double b2,
                               double eps, double wd, String variant) {
        int n = p0.length;
        float[] p = new float[n], m = new float[n], v = new float[n];
        for (int i = 0; i < n; i++) {
            double pi = p0[i], gi = g[i];
            if (variant.equals("l2-in-gradient")) gi += wd * pi;
            else if (!variant.equals("no-weight-decay") && !variant.equals("decay-after-update")) pi -= lr * wd * pi;
            double mi = b1 * m0[i] + (1 - b1) * gi, vi = b2 * v0[i] + (1 - b2) * gi * gi;
            boolean none = variant.equals("no-bias-correction");
            double mh = none ? mi : mi / (1 - Math.pow(b1, t));
            double vh = none || variant.equals("bias-correction-m-only") ? vi : vi / (1 - Math.pow(b2, t));
            pi -= lr * mh / (variant.equals("eps-inside-sqrt") ? Math.sqrt(vh + eps) : Math.sqrt(vh) + eps);
            if (variant.equals("decay-after-update")) pi -= lr * wd * pi;
            p[i] = (float) pi;
            m[i] = variant.equals("state-not-saved") ? m0[i] : (float) mi;
            v[i] = variant.equals("state-not-saved") ? v0[i] : (float) vi;
        }
        return new float[][]{p, m, v};
    }

    /** One update's inputs. */
    record Step(float[] p, float[] g, float[] m, float[] v, int t, float lr, float b1, float b2, float eps, float wd) {
        String show() {
            return String.format(java.util.Locale.ROOT, "step(p, g, m, v, t = %d, lr = %s, beta1 = %s, beta2 = %s, "
                    + "eps = %s, weightDecay = %s) on %d parameters", t, lr, b1, b2, eps, wd, p.length);
        }

        float[][] expected(String variant) {
            return reference(p, g, m, v, t, lr, b1, b2, eps, wd, variant);
        }
    }

    private static final List<String> VARIANTS = List.of("no-bias-correction", "no-weight-decay", "l2-in-gradient",
            "bias-correction-m-only", "eps-inside-sqrt", "state-not-saved", "decay-after-update");

    /** A step with Gaussian p and g; m and v are non-zero when t > 1, as they would be after earlier steps. */
    static Step random(Rng rng, int n, int t, float lr, float b1, float b2, float eps, float wd) {
        float[] p = new float[n], g = new float[n], m = new float[n], v = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = (float) rng.nextGaussian();
            g[i] = (float) rng.nextGaussian();
            if (t > 1) {
                m[i] = (float) (rng.nextGaussian() * 0.1);
                v[i] = (float) Math.abs(rng.nextGaussian() * 0.01);
            }
        }
        return new Step(p, g, m, v, t, lr, b1, b2, eps, wd);
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("AdamWStep");
        Method step = ctx.staticMethod(c, "step", void.class, float[].class, float[].class, float[].class,
                float[].class, int.class, float.class, float.class, float.class, float.class, float.class);
        Rng rng = ctx.rng();
        Function<Step, float[][]> learner = s -> {
            float[] lp = s.p().clone(), lm = s.m().clone(), lv = s.v().clone();
            ctx.input(s.show());
            ctx.call(step, lp, s.g().clone(), lm, lv, s.t(), s.lr(), s.b1(), s.b2(), s.eps(), s.wd());
            return new float[][]{lp, lm, lv};
        };
        // Edge rounds, smallest first: one parameter at t = 1; a zero gradient; betas, eps and learning rates
        // other than the defaults (a large eps shows where it is added); a tiny and a large learning rate.
        List<Step> edges = List.of(
                random(rng, 1, 1, 0.01f, 0.9f, 0.999f, 1e-8f, 0.01f),
                new Step(new float[]{1, -2}, new float[2], new float[2], new float[2], 1, 0.1f, 0.9f, 0.999f, 1e-8f, 0.1f),
                random(rng, 3, 2, 0.05f, 0.5f, 0.9f, 0.1f, 0.2f),
                random(rng, 4, 3, 1e-5f, 0.8f, 0.95f, 1e-6f, 0f),
                random(rng, 5, 4, 0.5f, 0.9f, 0.999f, 1e-8f, 0.5f));
        for (int round = 0; round < edges.size() + 12; round++) {
            Step s;
            if (round < edges.size()) {
                s = edges.get(round);
            } else {
                int r = round - edges.size();
                int t = r < 4 ? 1 + r : 1 + rng.nextInt(50);
                float lr = r == 0 ? 0.01f : (float) Math.pow(10, -1 - 3 * rng.nextDouble());
                s = random(rng, 1 + rng.nextInt(64), t, lr, 0.9f, 0.999f, 1e-8f,
                        r == 0 ? 0.01f : 0.5f * (float) rng.nextDouble());
            }
            float[][] want = s.expected("");
            float[][] got = learner.apply(s);
            String[] names = {"m", "v", "p"};
            float[][] gotAll = {got[1], got[2], got[0]};
            float[][] wantAll = {want[1], want[2], want[0]};
            for (int k = 0; k < 3; k++) {
                Comparison cmp = Compare.floats(wantAll[k], gotAll[k], ATOL, RTOL);
                if (cmp.matches()) continue;
                CheckReport r = cmp.toFailure("after one update, " + names[k] + " differs from the reference ("
                        + s.show() + ")");
                // Probes: the failing step and one where every mistake shows: t = 2 with non-zero m and v, betas
                // and eps away from their defaults, a learning rate and decay large enough to see their order.
                Step probe = random(new Rng(42), 4, 2, 0.3f, 0.8f, 0.95f, 0.01f, 0.4f);
                Diagnosis d = Diagnosis.within(ATOL, RTOL);
                for (String v : VARIANTS) {
                    d.suspect(v, explain(v), List.of(s, probe), x -> flat(learner.apply(x)),
                            x -> flat(x.expected(v)), x -> flat(x.expected("")));
                }
                return d.explain(r);
            }
        }
        return CheckReport.pass("p, m and v match a float64 AdamW on " + edges.size() + " edge cases (zero gradient, "
                + "betas 0.5/0.9, eps 0.1, learning rates 1e-5 and 0.5) and 12 random updates (steps 1–50)");
    }

    private static float[] flat(float[][] pmv) {
        float[] out = new float[pmv[0].length * 3];
        for (int k = 0; k < 3; k++) System.arraycopy(pmv[k], 0, out, k * pmv[0].length, pmv[0].length);
        return out;
    }

    static String explain(String bug) {
        switch (bug) {
            case "no-bias-correction": return "m and v are used without dividing by (1 − beta^t); early steps then "
                    + "move far too little because m and v start at zero.";
            case "l2-in-gradient": return "weight decay is added to the gradient (that is Adam with L2); AdamW shrinks "
                    + "the weight itself: p = p − lr·weightDecay·p, separate from the gradient.";
            case "bias-correction-m-only": return "m is bias-corrected but v is not: divide v by (1 − beta2^t) as "
                    + "well, or early steps are far too large.";
            case "eps-inside-sqrt": return "eps is added inside the square root; AdamW adds it after: "
                    + "mHat / (sqrt(vHat) + eps) (it shows with eps = 0.1).";
            case "state-not-saved": return "m and v are computed but not written back into the arrays, so the next "
                    + "step starts again from the old ones; update m[i] and v[i] in place.";
            case "decay-after-update": return "the weight decay is applied after the Adam step, to the already updated "
                    + "weight; shrink p first (p = p − lr·weightDecay·p), then take the Adam step.";
            case "no-weight-decay": return "the weight-decay step p = p − lr·weightDecay·p is missing.";
            default: return bug;
        }
    }
}
