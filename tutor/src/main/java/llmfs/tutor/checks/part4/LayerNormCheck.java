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
 * Exercise 4.5: layer norm on random rows, rows with a tiny spread (where eps matters) and constant rows (which
 * must come out as beta).
 */
public final class LayerNormCheck implements ExerciseCheck {
    private static final double ATOL = 1e-4, RTOL = 1e-4;

    /** {@code variant}: "" (correct), "unbiased", "outside", "noeps", "shift". */
    static float[][] forward(float[][] x, float[] gamma, float[] beta, float eps, String variant) {
        int n = x.length, d = x[0].length;
        float[][] y = new float[n][d];
        for (int r = 0; r < n; r++) {
            double mean = 0;
            for (float v : x[r]) mean += v;
            mean /= d;
            double var = 0;
            for (float v : x[r]) var += (v - mean) * (v - mean);
            var /= variant.equals("unbiased") ? d - 1 : d;
            double inv = switch (variant) {
                case "outside" -> 1.0 / (Math.sqrt(var) + eps);
                case "noeps" -> 1.0 / Math.sqrt(var);
                default -> 1.0 / Math.sqrt(var + eps);
            };
            for (int j = 0; j < d; j++) {
                double xhat = (x[r][j] - mean) * inv;
                y[r][j] = (float) (variant.equals("shift") ? gamma[j] * (xhat + beta[j]) : gamma[j] * xhat + beta[j]);
            }
        }
        return y;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("LayerNorm");
        Method m = ctx.staticMethod(c, "forward", float[][].class, float[][].class, float[].class, float[].class,
                float.class);
        Rng rng = ctx.rng();
        float[] epsilons = {1e-5f, 1e-3f, 0.1f};
        for (int round = 0; round < 20; round++) {
            int n = 1 + rng.nextInt(6), d = 2 + rng.nextInt(30);
            float eps = epsilons[round % 3];
            float[][] x = Matrices.randn(rng, n, d, 2);
            String kind = "random rows";
            if (round % 4 == 1) {
                // A tiny spread: the variance is close to eps, so where eps goes changes the answer.
                for (float[] row : x) for (int j = 0; j < d; j++) row[j] = 3f + row[j] * 1e-3f;
                kind = "rows that vary by about 0.001";
            } else if (round % 4 == 3) {
                for (float[] row : x) java.util.Arrays.fill(row, row[0]);
                kind = "constant rows (variance 0)";
            }
            float[] gamma = Matrices.randn(rng, 1, d, 1)[0], beta = Matrices.randn(rng, 1, d, 1)[0];
            float[][] want = forward(x, gamma, beta, eps, "");
            float[][] got = (float[][]) ctx.call(m, Matrices.copy(x), gamma.clone(), beta.clone(), eps);
            Comparison cmp = Compare.floats(Matrices.flat(want), Matrices.flat(got), ATOL, RTOL);
            if (!cmp.matches()) {
                Optional<String> bug = WrongVariants.catalogue()
                        .add("no-eps", () -> Matrices.flat(forward(x, gamma, beta, eps, "noeps")))
                        .add("unbiased-variance", () -> Matrices.flat(forward(x, gamma, beta, eps, "unbiased")))
                        .add("eps-outside-sqrt", () -> Matrices.flat(forward(x, gamma, beta, eps, "outside")))
                        .add("shift-before-scale", () -> Matrices.flat(forward(x, gamma, beta, eps, "shift")))
                        .match(Matrices.flat(got), ATOL, RTOL);
                CheckReport r = cmp.toFailure("wrong on " + kind + " " + Matrices.shape(n, d) + " with eps " + eps
                        + (kind.startsWith("constant") ? " (a constant row must come out as beta)" : ""), n, d);
                if (bug.isEmpty()) return r;
                return CheckReport.fail(r.headline(), r.details() + "\n\nLikely bug (" + bug.get() + "): "
                                + explain(bug.get())).withFirstDiff(r.firstDiff())
                        .withMaxError(r.maxError() == null ? Double.POSITIVE_INFINITY : r.maxError())
                        .withLikelyBug(bug.get());
            }
        }
        return CheckReport.pass("matches the reference on 20 batches, including rows with a tiny spread and constant"
                + " rows (which become beta)");
    }

    static String explain(String bug) {
        return switch (bug) {
            case "no-eps" -> "eps is missing: a constant row has variance 0 and 0/0 gives NaN. Use sqrt(var + eps).";
            case "unbiased-variance" -> "the variance is divided by d − 1; layer norm divides by d (PyTorch's"
                    + " unbiased=False).";
            case "eps-outside-sqrt" -> "eps is added after the square root; it belongs inside: sqrt(var + eps).";
            case "shift-before-scale" -> "beta is added before multiplying by gamma; the order is gamma · x̂ + beta.";
            default -> bug;
        };
    }
}
