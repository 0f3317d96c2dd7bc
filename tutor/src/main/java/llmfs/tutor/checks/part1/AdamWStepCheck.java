package llmfs.tutor.checks.part1;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.Comparison;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Optional;

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
            else if (!variant.equals("no-weight-decay")) pi -= lr * wd * pi;
            double mi = b1 * m0[i] + (1 - b1) * gi, vi = b2 * v0[i] + (1 - b2) * gi * gi;
            double mh = variant.equals("no-bias-correction") ? mi : mi / (1 - Math.pow(b1, t));
            double vh = variant.equals("no-bias-correction") ? vi : vi / (1 - Math.pow(b2, t));
            pi -= lr * mh / (Math.sqrt(vh) + eps);
            p[i] = (float) pi;
            m[i] = (float) mi;
            v[i] = (float) vi;
        }
        return new float[][]{p, m, v};
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("AdamWStep");
        Method step = ctx.staticMethod(c, "step", void.class, float[].class, float[].class, float[].class,
                float[].class, int.class, float.class, float.class, float.class, float.class, float.class);
        Rng rng = ctx.rng();
        for (int round = 0; round < 12; round++) {
            int n = 1 + rng.nextInt(64);
            int t = round < 4 ? 1 + round : 1 + rng.nextInt(50);
            float lr = round == 0 ? 0.01f : (float) Math.pow(10, -1 - 3 * rng.nextDouble());
            float b1 = 0.9f, b2 = 0.999f, eps = 1e-8f, wd = round == 0 ? 0.01f : 0.5f * (float) rng.nextDouble();
            float[] p = new float[n], g = new float[n], m = new float[n], v = new float[n];
            for (int i = 0; i < n; i++) {
                p[i] = (float) rng.nextGaussian();
                g[i] = (float) rng.nextGaussian();
                if (t > 1) {
                    m[i] = (float) (rng.nextGaussian() * 0.1);
                    v[i] = (float) Math.abs(rng.nextGaussian() * 0.01);
                }
            }
            float[][] want = reference(p, g, m, v, t, lr, b1, b2, eps, wd, "");
            float[] lp = p.clone(), lm = m.clone(), lv = v.clone();
            ctx.call(step, lp, g.clone(), lm, lv, t, lr, b1, b2, eps, wd);
            String[] names = {"m", "v", "p"};
            float[][] gotAll = {lm, lv, lp};
            float[][] wantAll = {want[1], want[2], want[0]};
            for (int k = 0; k < 3; k++) {
                Comparison cmp = Compare.floats(wantAll[k], gotAll[k], ATOL, RTOL);
                if (cmp.matches()) continue;
                final float[] fp = p, fg = g, fm = m, fv = v;
                final int ft = t, fk = k;
                final float flr = lr, fwd = wd;
                // Order matters at t = 1, where Adam's step is ±lr whatever the gradient: a learner whose m and v are
                // right cannot have put the decay into the gradient, and is checked for a missing decay first.
                Optional<String> bug = WrongVariants.catalogue()
                        .add("no-bias-correction", () -> pick(reference(fp, fg, fm, fv, ft, flr, b1, b2, eps, fwd, "no-bias-correction"), fk))
                        .add("no-weight-decay", () -> pick(reference(fp, fg, fm, fv, ft, flr, b1, b2, eps, fwd, "no-weight-decay"), fk))
                        .add("l2-in-gradient", () -> pick(reference(fp, fg, fm, fv, ft, flr, b1, b2, eps, fwd, "l2-in-gradient"), fk))
                        .match(gotAll[k], ATOL, RTOL);
                String where = String.format("step t = %d, lr = %s, weightDecay = %s", t, Compare.format(lr), Compare.format(wd));
                CheckReport r = cmp.toFailure("after one update, " + names[k] + " differs from the reference (" + where + ")");
                return bug.map(b -> CheckReport.fail(r.headline(), r.details() + "\n\nLikely bug (" + b + "): " + explain(b))
                        .withFirstDiff(r.firstDiff()).withMaxError(cmp.maxAbsError()).withLikelyBug(b)).orElse(r);
            }
        }
        return CheckReport.pass("p, m and v match a float64 AdamW on 12 random updates (steps 1–50)");
    }

    /** The reference's k-th array in the learner's order (m, v, p). */
    private static float[] pick(float[][] pmv, int k) {
        return k == 0 ? pmv[1] : k == 1 ? pmv[2] : pmv[0];
    }

    static String explain(String bug) {
        switch (bug) {
            case "no-bias-correction": return "m and v are used without dividing by (1 − beta^t); early steps then "
                    + "move far too little because m and v start at zero.";
            case "l2-in-gradient": return "weight decay is added to the gradient (that is Adam with L2); AdamW shrinks "
                    + "the weight itself: p = p − lr·weightDecay·p, separate from the gradient.";
            case "no-weight-decay": return "the weight-decay step p = p − lr·weightDecay·p is missing.";
            default: return bug;
        }
    }
}
