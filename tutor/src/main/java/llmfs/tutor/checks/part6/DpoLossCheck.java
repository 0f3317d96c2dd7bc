package llmfs.tutor.checks.part6;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Exercise 6.2: the DPO loss and its gradient with respect to the chosen log-probability, against the compute
 * layer's {@link llmfs.compute.align.DpoLoss#loss} and σ: the two worked values (ln 2 and 0.598139), margins so
 * negative that a naive log σ overflows, and random log-probabilities and β.
 */
public final class DpoLossCheck implements ExerciseCheck {
    private static final int ROUNDS = 40;
    private static final double TOL = 1e-6;

    static double loss(double pc, double pr, double rc, double rr, double beta, String variant) {
        return switch (variant) {
            case "swapped" -> llmfs.compute.align.DpoLoss.loss(pr, pc, rr, rc, beta);
            case "no-reference" -> llmfs.compute.align.DpoLoss.loss(pc, pr, 0, 0, beta);
            case "unstable" -> -Math.log(1 / (1 + Math.exp(-beta * ((pc - rc) - (pr - rr)))));
            default -> llmfs.compute.align.DpoLoss.loss(pc, pr, rc, rr, beta);
        };
    }

    static double grad(double pc, double pr, double rc, double rr, double beta, String variant) {
        double z = beta * ((pc - rc) - (pr - rr));
        double g = -beta / (1 + Math.exp(z));
        return variant.equals("gradient-sign-flipped") ? -g : g;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("DpoLoss");
        Class<?>[] four = {double.class, double.class, double.class, double.class, double.class};
        Method lossM = ctx.staticMethod(c, "loss", double.class, four);
        Method gradM = ctx.staticMethod(c, "gradChosen", double.class, four);
        Rng rng = ctx.rng();
        for (int round = 0; round < ROUNDS; round++) {
            double pc, pr, rc, rr, beta;
            switch (round) {
                case 0 -> { pc = -7; pr = -9; rc = -7; rr = -9; beta = 0.1; } // policy == reference: ln 2
                case 1 -> { pc = -10; pr = -12; rc = -11; rr = -11; beta = 0.1; } // z = 0.2: 0.598139
                case 2 -> { pc = -900; pr = -5; rc = -5; rr = -5; beta = 1; } // z = -895: the naive form overflows
                default -> {
                    rc = -rng.nextDouble() * 60;
                    rr = -rng.nextDouble() * 60;
                    pc = rc + rng.nextGaussian() * 15;
                    pr = rr + rng.nextGaussian() * 15;
                    beta = 0.01 + rng.nextDouble();
                }
            }
            String call = String.format("(pc %s, pr %s, rc %s, rr %s, beta %s)", Compare.format(pc), Compare.format(pr),
                    Compare.format(rc), Compare.format(rr), Compare.format(beta));
            double want = loss(pc, pr, rc, rr, beta, "");
            double got = (double) ctx.call(lossM, pc, pr, rc, rr, beta);
            final double a = pc, b = pr, cc = rc, d = rr, be = beta;
            if (!Compare.close(want, got, TOL, TOL)) {
                Optional<String> bug = WrongVariants.catalogue()
                        .add("swapped", () -> loss(a, b, cc, d, be, "swapped"))
                        .add("no-reference", () -> loss(a, b, cc, d, be, "no-reference"))
                        .add("unstable", () -> loss(a, b, cc, d, be, "unstable"))
                        .match(got, TOL, TOL);
                if (bug.isEmpty() && !Double.isFinite(got) && !Double.isFinite(loss(a, b, cc, d, be, "unstable"))) {
                    bug = Optional.of("unstable");
                }
                return CheckReport.fail("loss" + call + " is " + got + " but should be " + Compare.format(want),
                        "z = beta * ((pc - rc) - (pr - rr)) = " + Compare.format(be * ((a - cc) - (b - d)))
                                + ", loss = -log sigmoid(z)"
                                + bug.map(x -> "\n\nLikely bug (" + x + "): " + explain(x)).orElse(""))
                        .withMaxError(Math.abs(want - got)).withLikelyBug(bug.orElse(null));
            }
            double wantG = grad(pc, pr, rc, rr, beta, "");
            double gotG = (double) ctx.call(gradM, pc, pr, rc, rr, beta);
            if (!Compare.close(wantG, gotG, TOL, TOL)) {
                Optional<String> bug = WrongVariants.catalogue()
                        .add("gradient-sign-flipped", () -> grad(a, b, cc, d, be, "gradient-sign-flipped"))
                        .match(gotG, TOL, TOL);
                return CheckReport.fail("gradChosen" + call + " is " + gotG + " but should be " + Compare.format(wantG),
                        "dLoss/dpc = -beta * sigmoid(-z); it is negative: raising the chosen answer's "
                                + "log-probability lowers the loss"
                                + bug.map(x -> "\n\nLikely bug (" + x + "): " + explain(x)).orElse(""))
                        .withMaxError(Math.abs(wantG - gotG)).withLikelyBug(bug.orElse(null));
            }
        }
        return CheckReport.pass("loss and gradChosen match on " + ROUNDS + " cases: policy = reference gives ln 2 = "
                + "0.693147, (−10, −12, −11, −11, β 0.1) gives 0.598139, z = −895 stays finite, and dL/dpc < 0");
    }

    static String explain(String bug) {
        return switch (bug) {
            case "swapped" -> "chosen and rejected are swapped: the loss rewards the rejected answer. z is the chosen "
                    + "reward minus the rejected one.";
            case "no-reference" -> "the reference's log-probabilities are left out, so the loss compares raw "
                    + "likelihoods (short answers win) instead of how much each answer moved since SFT.";
            case "unstable" -> "for a very negative z, sigmoid(z) rounds to 0 and -log of it is infinite; use "
                    + "log1p(exp(-|z|)) + max(-z, 0).";
            case "gradient-sign-flipped" -> "the gradient's sign is flipped: gradient descent would then lower the "
                    + "chosen answer's probability. dLoss/dpc = -beta * sigmoid(-z) < 0.";
            default -> bug;
        };
    }
}
