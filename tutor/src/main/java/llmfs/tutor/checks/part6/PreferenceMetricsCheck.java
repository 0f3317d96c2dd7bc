package llmfs.tutor.checks.part6;

import llmfs.compute.Rng;
import llmfs.compute.align.PreferenceStats;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.Comparison;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Exercise 6.4: accuracy (strict), margin and mean rewards against the compute layer's {@link PreferenceStats}, on
 * a policy equal to its reference (accuracy 0), pairs with exact ties, and random log-probabilities.
 */
public final class PreferenceMetricsCheck implements ExerciseCheck {
    private static final int ROUNDS = 30;
    private static final double TOL = 1e-5;

    static double[] metrics(double[] pc, double[] pr, double[] rc, double[] rr, double beta, String variant) {
        int n = pc.length;
        double[] c = new double[n], r = new double[n];
        for (int i = 0; i < n; i++) {
            double b = variant.equals("no-beta") ? 1 : beta;
            c[i] = b * (pc[i] - (variant.equals("no-reference") ? 0 : rc[i]));
            r[i] = b * (pr[i] - (variant.equals("no-reference") ? 0 : rr[i]));
        }
        if (variant.isEmpty()) {
            float[] cf = new float[n], rf = new float[n];
            for (int i = 0; i < n; i++) {
                cf[i] = (float) c[i];
                rf[i] = (float) r[i];
            }
            PreferenceStats s = PreferenceStats.of(cf, rf);
            return new double[]{s.accuracy(), s.margin(), s.chosenReward(), s.rejectedReward()};
        }
        double wins = 0, diff = 0, cs = 0, rs = 0;
        for (int i = 0; i < n; i++) {
            if (variant.equals("ties-count") ? c[i] >= r[i] : c[i] > r[i]) wins++;
            diff += c[i] - r[i];
            cs += c[i];
            rs += r[i];
        }
        return new double[]{variant.equals("win-count-not-share") ? wins : wins / n, diff / n, cs / n, rs / n};
    }

    private static final double[] FIXED_RC = {-10, -12, -9, -11}, FIXED_RR = {-11, -10, -10, -12};
    private static final double[] FIXED_DC = {2, 0, -2, -1}, FIXED_DR = {0, 0, 1, 0};

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("PreferenceMetrics");
        Method m = ctx.staticMethod(c, "metrics", double[].class, double[].class, double[].class, double[].class,
                double[].class, double.class);
        Rng rng = ctx.rng();
        for (int round = 0; round < ROUNDS; round++) {
            int n = round == 0 ? 3 : round == 1 ? 4 : 1 + rng.nextInt(12);
            double beta = round == 0 ? 0.1 : round == 1 ? 0.5 : 0.05 + rng.nextDouble();
            double[] pc = new double[n], pr = new double[n], rc = new double[n], rr = new double[n];
            for (int i = 0; i < n; i++) {
                // Quarter-steps keep every reward exact, so ties in the data are ties in the rewards.
                rc[i] = -Math.floor(rng.nextDouble() * 120) / 4;
                rr[i] = -Math.floor(rng.nextDouble() * 120) / 4;
                if (round == 1) {
                    // A fixed batch that tells the known mistakes apart: one win, one exact tie, two losses, and a
                    // reference that differs between chosen and rejected (so leaving it out changes the margin).
                    rc[i] = FIXED_RC[i];
                    rr[i] = FIXED_RR[i];
                    pc[i] = FIXED_RC[i] + FIXED_DC[i];
                    pr[i] = FIXED_RR[i] + FIXED_DR[i];
                } else if (round == 0) { // policy == reference: every reward 0, accuracy 0
                    pc[i] = rc[i];
                    pr[i] = rr[i];
                } else {
                    pc[i] = rc[i] + Math.floor(rng.nextGaussian() * 20) / 4;
                    pr[i] = rr[i] + (i % 3 == 0 ? pc[i] - rc[i] : Math.floor(rng.nextGaussian() * 20) / 4);
                }
            }
            double[] want = metrics(pc, pr, rc, rr, beta, "");
            double[] got = (double[]) ctx.call(m, pc.clone(), pr.clone(), rc.clone(), rr.clone(), beta);
            Comparison cmp = Compare.doubles(want, got, TOL, TOL);
            if (!cmp.matches()) {
                final double b = beta;
                Optional<String> bug = WrongVariants.catalogue()
                        .add("ties-count", () -> metrics(pc, pr, rc, rr, b, "ties-count"))
                        .add("no-reference", () -> metrics(pc, pr, rc, rr, b, "no-reference"))
                        .add("no-beta", () -> metrics(pc, pr, rc, rr, b, "no-beta"))
                        .add("win-count-not-share", () -> metrics(pc, pr, rc, rr, b, "win-count-not-share"))
                        .match(got, TOL, TOL);
                String diff = cmp.firstDiff();
                String details = "pc " + Arrays.toString(pc) + "\npr " + Arrays.toString(pr) + "\nrc " + Arrays.toString(rc)
                        + "\nrr " + Arrays.toString(rr) + "\nbeta " + beta
                        + "\nexpected {accuracy, margin, chosen, rejected} = " + Arrays.toString(want)
                        + "\ngot " + (got == null ? "null" : Arrays.toString(got)) + "\n" + diff
                        + bug.map(x -> "\n\nLikely bug (" + x + "): " + explain(x)).orElse("");
                return CheckReport.fail("the metrics differ from the reference", details).withFirstDiff(diff)
                        .withLikelyBug(bug.orElse(null));
            }
        }
        return CheckReport.pass("accuracy (strict >), margin and mean rewards match on " + ROUNDS
                + " batches; with the policy equal to its reference the accuracy is 0 and every reward 0");
    }

    static String explain(String bug) {
        return switch (bug) {
            case "ties-count" -> "a tie counts as a win (>=); with the policy equal to the reference every pair ties "
                    + "and the accuracy would read 100% before any training. Use a strict >.";
            case "no-reference" -> "the rewards leave out the reference; a reward is beta * (policy - reference).";
            case "no-beta" -> "the rewards are not scaled by beta.";
            case "win-count-not-share" -> "the accuracy is the number of wins; divide by the number of pairs.";
            default -> bug;
        };
    }
}
