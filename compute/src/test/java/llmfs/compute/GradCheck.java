package llmfs.compute;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks an op's float32 forward against a float64 reference and its autograd gradient against float64 central
 * finite differences of that reference (loss = Σ w·out with random weights w, so every output element matters).
 */
final class GradCheck {
    private GradCheck() {}

    static final double FWD_ABS = 1e-4, FWD_REL = 1e-4;
    static final double GRAD_ABS = 2e-4, GRAD_REL = 2e-3;

    /** A float64 reference: input values (flat, one array per input) to output values (flat). */
    interface Ref {
        double[] apply(double[][] in);
    }

    static void check(String what, Rng rng, int[][] shapes, Function<Tensor[], Tensor> op, Ref ref) {
        check(what, rng, shapes, op, ref, null);
    }

    /**
     * @param init optional custom initialiser per input (e.g. positive values for log); null means N(0,1)
     */
    static void check(String what, Rng rng, int[][] shapes, Function<Tensor[], Tensor> op, Ref ref,
                      java.util.function.DoubleUnaryOperator init) {
        Tensor[] in = new Tensor[shapes.length];
        double[][] in64 = new double[shapes.length][];
        for (int i = 0; i < shapes.length; i++) {
            float[] v = new float[Shape.numel(shapes[i])];
            for (int j = 0; j < v.length; j++) v[j] = (float) (init == null ? rng.nextGaussian() : init.applyAsDouble(rng.nextGaussian()));
            in[i] = Tensor.of(v, shapes[i]).requiresGrad(true);
            in64[i] = new double[v.length];
            for (int j = 0; j < v.length; j++) in64[i][j] = v[j];
        }
        Tensor out = op.apply(in);
        double[] want = ref.apply(in64);
        float[] got = out.toArray();
        assertEquals(want.length, got.length, what + ": output size");
        for (int i = 0; i < got.length; i++) {
            if (!close(got[i], want[i], FWD_ABS, FWD_REL)) {
                fail(what + ": forward element " + i + " is " + got[i] + ", float64 reference " + want[i]);
            }
        }
        float[] w = new float[got.length];
        double[] w64 = new double[got.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) rng.nextGaussian();
            w64[i] = w[i];
        }
        Tensor loss = out.mul(Tensor.of(w, out.shape())).sum();
        loss.backward();
        for (int i = 0; i < in.length; i++) {
            float[] g = in[i].gradArray();
            assertNotNull(g, what + ": input " + i + " got no gradient");
            double h = 1e-5;
            for (int j = 0; j < g.length; j++) {
                double keep = in64[i][j];
                in64[i][j] = keep + h;
                double up = dot(ref.apply(in64), w64);
                in64[i][j] = keep - h;
                double down = dot(ref.apply(in64), w64);
                in64[i][j] = keep;
                double num = (up - down) / (2 * h);
                if (!close(g[j], num, GRAD_ABS, GRAD_REL)) {
                    fail(what + ": d/d input" + i + "[" + j + "] autograd " + g[j] + " vs finite difference " + num);
                }
            }
        }
        assertEquals(0, Tape.size(), what + ": tape not cleared after backward");
    }

    static boolean close(double got, double want, double abs, double rel) {
        if (Double.isNaN(got) || Double.isNaN(want)) return false;
        return Math.abs(got - want) <= abs + rel * Math.abs(want);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
