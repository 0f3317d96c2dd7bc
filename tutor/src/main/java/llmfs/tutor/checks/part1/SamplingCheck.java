package llmfs.tutor.checks.part1;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.Comparison;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.Diagnosis;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Exercise 1.5: temperature softmax on random (and huge) logits, then inverse-CDF picking, including values of u
 * that fall exactly on a boundary between two entries.
 */
public final class SamplingCheck implements ExerciseCheck {
    private static final double ATOL = 1e-9, RTOL = 1e-6;

    static double[] probabilities(float[] logits, double t, String variant) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) max = Math.max(max, v);
        double[] p = new double[logits.length];
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = switch (variant) {
                case "no-max-shift" -> Math.exp(logits[i] / t);
                case "times-temperature" -> Math.exp((logits[i] - max) * t);
                case "temperature-cancels" -> Math.exp(logits[i] - max) / t;
                case "unscaled-shift" -> Math.exp(logits[i] / t - max);
                default -> Math.exp((logits[i] - max) / t);
            };
            s += p[i];
        }
        for (int i = 0; i < p.length; i++) p[i] /= s;
        return p;
    }

    static int pick(double[] p, double u, String variant) {
        double c = 0;
        int last = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] <= 0) continue;
            c += p[i];
            last = i;
            if (variant.equals("less-or-equal") ? u <= c : u < c) return i;
        }
        return variant.equals("fallback-last-index") ? p.length - 1 : last;
    }

    /** Logits and a temperature. */
    record Soft(float[] logits, double t) {
        String show() {
            return "probabilities(" + Arrays.toString(logits) + ", " + t + ")";
        }
    }

    /** Probabilities and a uniform number. */
    record Draw(double[] p, double u) {
        String show() {
            return "pick(" + Arrays.toString(p) + ", " + u + ")";
        }
    }

    /**
     * Fixed rounds first: one logit, a temperature near 0 and a large one, logits near +900 and −900 (at
     * T = 0.5 too, where a shift that is not divided by T overflows), a spread of 200.
     */
    static final List<Soft> SOFT_EDGES = List.of(
            new Soft(new float[]{5}, 1.0),
            new Soft(new float[]{1, 1.2f, 0.8f}, 0.05),
            new Soft(new float[]{1, 1.2f, 0.8f}, 50),
            new Soft(new float[]{900, 901, 899}, 1.0),
            new Soft(new float[]{900, 901, 899}, 0.5),
            new Soft(new float[]{-900, -901, -899}, 1.0),
            new Soft(new float[]{100, -100, 0, 3}, 0.7));

    /**
     * Boundaries (where {@code <} and {@code <=} differ) and the fallback paths: a u above a total that rounding
     * left below 1, trailing zero probabilities, zeros in front.
     */
    static final List<Draw> DRAW_EDGES = List.of(
            new Draw(new double[]{1}, 0.0),
            new Draw(new double[]{0.25, 0.25, 0.5}, 0.0), new Draw(new double[]{0.25, 0.25, 0.5}, 0.25),
            new Draw(new double[]{0.25, 0.25, 0.5}, 0.5), new Draw(new double[]{0.25, 0.25, 0.5}, 0.75),
            new Draw(new double[]{0.25, 0.25, 0.5}, 0.9999999),
            new Draw(new double[]{0.5, 0, 0.5}, 0.0), new Draw(new double[]{0.5, 0, 0.5}, 0.5),
            new Draw(new double[]{0.5, 0, 0.5}, 0.4999), new Draw(new double[]{0, 0, 1}, 0.0),
            new Draw(new double[]{0.1, 0.2, 0.3, 0.4}, 0.3), new Draw(new double[]{0.1, 0.2, 0.3, 0.4}, 0.6),
            new Draw(new double[]{0.3, 0.3, 0.3}, 0.95), new Draw(new double[]{0.4, 0.4, 0, 0}, 0.9));

    private static final List<String> SOFT_VARIANTS = List.of("times-temperature", "temperature-cancels",
            "no-max-shift", "unscaled-shift");

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("Sampling");
        Method probs = ctx.staticMethod(c, "probabilities", double[].class, float[].class, double.class);
        Method pick = ctx.staticMethod(c, "pick", int.class, double[].class, double.class);
        Rng rng = ctx.rng();
        Function<Soft, double[]> learnerProbs = s -> {
            ctx.input(s.show());
            return (double[]) ctx.call(probs, s.logits().clone(), s.t());
        };
        Function<Draw, Integer> learnerPick = d -> {
            ctx.input(d.show());
            return (Integer) ctx.call(pick, d.p().clone(), d.u());
        };
        for (int round = 0; round < SOFT_EDGES.size() + 30; round++) {
            Soft in;
            if (round < SOFT_EDGES.size()) {
                in = SOFT_EDGES.get(round);
            } else {
                int n = 2 + rng.nextInt(40);
                float[] logits = new float[n];
                float offset = round >= SOFT_EDGES.size() + 24 ? 900f : 0f;
                for (int i = 0; i < n; i++) logits[i] = offset + (float) (rng.nextGaussian() * 3);
                in = new Soft(logits, 0.2 + 1.8 * rng.nextDouble());
            }
            double[] want = probabilities(in.logits(), in.t(), "");
            double[] got = learnerProbs.apply(in);
            Comparison cmp = Compare.doubles(want, got, ATOL, RTOL);
            if (!cmp.matches()) {
                String what = in.logits().length <= 8 ? in.show() : "probabilities(" + in.logits().length
                        + " logits" + (in.logits()[0] > 500 ? " near 900" : "") + ", T = " + in.t() + ")";
                CheckReport r = cmp.toFailure(what + " differs from softmax(logits / T)");
                // Probes: the failing input, logits near 900 at T = 1 and at T = 0.5, and ordinary logits at
                // T = 0.7 — each modelled mistake answers these four in its own way.
                List<Soft> probes = List.of(in, new Soft(new float[]{900, 901, 899}, 1.0),
                        new Soft(new float[]{900, 901, 899}, 0.5), new Soft(new float[]{1, 2.5f, -0.5f}, 0.7));
                Diagnosis d = Diagnosis.within(ATOL, RTOL);
                for (String v : SOFT_VARIANTS) {
                    d.suspect(v, explain(v), probes, learnerProbs, x -> probabilities(x.logits(), x.t(), v),
                            x -> probabilities(x.logits(), x.t(), ""));
                }
                return d.explain(r);
            }
        }
        List<Draw> draws = new java.util.ArrayList<>(DRAW_EDGES);
        for (int round = 0; round < 200; round++) {
            int n = 1 + rng.nextInt(30);
            draws.add(new Draw(probabilities(randomLogits(rng, n), 1.0, ""), rng.nextDouble()));
        }
        for (Draw d : draws) {
            int want = pick(d.p(), d.u(), "");
            int got = learnerPick.apply(d);
            if (want != got) return pickFailure(d, want, got, learnerPick);
        }
        return CheckReport.pass("probabilities match softmax(logits / T) on " + SOFT_EDGES.size() + " edge cases "
                + "(T = 0.05 and 50, logits near ±900) and 30 random ones, and pick() matches inverse-CDF sampling "
                + "on every boundary and fallback case and 200 random draws");
    }

    private static CheckReport pickFailure(Draw d, int want, int got, Function<Draw, Integer> learner) {
        String headline = d.show() + " should be " + want + " but is " + got;
        CheckReport r = CheckReport.fail(headline, "Walk through the probabilities adding them up; return the first "
                + "index where u is below the running total; if u is above the final total, return the last index "
                + "with a positive probability.").withFirstDiff(headline);
        Draw boundary = new Draw(new double[]{0.25, 0.25, 0.5}, 0.25), fallback = new Draw(new double[]{0.4, 0.4, 0, 0}, 0.9);
        Draw plain = new Draw(new double[]{0.1, 0.2, 0.7}, 0.2);
        Diagnosis diag = Diagnosis.exact();
        for (String v : List.of("less-or-equal", "fallback-last-index")) {
            diag.suspect(v, explain(v), List.of(d, boundary, fallback, plain), learner,
                    x -> pick(x.p(), x.u(), v), x -> pick(x.p(), x.u(), ""));
        }
        return diag.explain(r);
    }

    private static float[] randomLogits(Rng rng, int n) {
        float[] l = new float[n];
        for (int i = 0; i < n; i++) l[i] = (float) (rng.nextGaussian() * 2);
        return l;
    }

    static String explain(String bug) {
        switch (bug) {
            case "times-temperature": return "the logits are multiplied by T; divide by it (T < 1 must sharpen).";
            case "no-max-shift": return "exp() of large logits overflows to infinity (logits near 900 give NaN even at "
                    + "T = 1); subtract the largest logit first.";
            case "temperature-cancels": return "the temperature divides exp(logit − max) after the exponential, so it "
                    + "cancels when you normalise; divide the logit by T inside exp(): exp((logit − max) / T).";
            case "unscaled-shift": return "the logits are divided by T but the maximum is not: exp(logit / T − max) "
                    + "overflows when T < 1 (logits near 900 at T = 0.5 give NaN). Use exp((logit − max) / T).";
            case "fallback-last-index": return "when u is above the final running total you return the last index, "
                    + "but its probability may be 0 (pick([0.4, 0.4, 0, 0], 0.9) must be 1); return the last index "
                    + "with a positive probability.";
            case "less-or-equal": return "you return i when u <= running total; with u exactly on a boundary that picks "
                    + "the entry before it. Use u < running total.";
            default: return bug;
        }
    }
}
