package llmfs.compute.kernel;

import llmfs.compute.Rng;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Both {@link MatVec} twins against a plain double-precision product, on shapes with ragged panels and row groups. */
class MatVecTest {

    private static List<MatVec> twins() {
        List<MatVec> l = new ArrayList<>(List.of(new ScalarMatVec()));
        if (Simd.available()) l.add(MatVec.best());
        return l;
    }

    private static float[] random(Rng rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = rng.nextFloat() * 2 - 1;
        return a;
    }

    @Test
    void equalsThePlainProductWithAndWithoutBiasAndResidual() {
        Rng rng = new Rng(17);
        int[][] shapes = {{1, 1}, {3, 97}, {128, 384}, {512, 128}, {17, 65}, {64, 16}, {5, 130}};
        for (MatVec mv : twins()) {
            for (int[] s : shapes) {
                int in = s[0], out = s[1];
                for (int rows : new int[]{1, 3, 4, 9}) {
                    for (boolean withBias : new boolean[]{false, true}) {
                        for (boolean accumulate : new boolean[]{false, true}) {
                            float[] w = random(rng, in * out), b = withBias ? random(rng, out) : null;
                            // x and y start at an offset and have room after, which must stay untouched.
                            float[] x = random(rng, 3 + rows * in + 5), y = random(rng, 2 + rows * out + 7);
                            float[] before = y.clone();
                            mv.multiply(mv.pack(w, b, in, out), x, 3, rows, y, 2, accumulate);
                            String where = mv.name() + " " + in + "→" + out + " rows " + rows + " bias " + withBias
                                    + " accumulate " + accumulate;
                            for (int r = 0; r < rows; r++) {
                                for (int j = 0; j < out; j++) {
                                    double want = (b == null ? 0 : b[j]) + (accumulate ? before[2 + r * out + j] : 0);
                                    for (int k = 0; k < in; k++) want += (double) x[3 + r * in + k] * w[k * out + j];
                                    assertEquals(want, y[2 + r * out + j], 1e-5 * Math.max(1, in / 16.0),
                                            where + " at [" + r + ", " + j + "]");
                                }
                            }
                            for (int i = 0; i < 2; i++) assertEquals(before[i], y[i], where + " wrote before y");
                            for (int i = 2 + rows * out; i < y.length; i++) {
                                assertEquals(before[i], y[i], where + " wrote past the last row");
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void refusesAMatrixPackedForTheOtherKernelAndRowsThatDoNotFit() {
        assumeTrue(Simd.available(), "needs both twins: the Vector API is not available in this JVM");
        MatVec simd = MatVec.best(), scalar = new ScalarMatVec();
        assertTrue(simd.panelWidth() != scalar.panelWidth());
        PackedMatrix m = scalar.pack(new float[6], null, 2, 3);
        var e = assertThrows(IllegalArgumentException.class,
                () -> simd.multiply(m, new float[2], 0, 1, new float[3], 0, false));
        assertTrue(e.getMessage().contains("pack it with this kernel"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> scalar.multiply(m, new float[2], 0, 2, new float[6], 0, false));
        assertTrue(e.getMessage().contains("do not fit"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PackedMatrix.pack(new float[5], null, 2, 3, 16));
    }
}
