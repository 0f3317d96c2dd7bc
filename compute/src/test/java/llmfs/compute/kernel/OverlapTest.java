package llmfs.compute.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import llmfs.compute.Rng;
import org.junit.jupiter.api.Test;

/** The index arithmetic that decides overlap and disjointness, against brute-force sets of indices. */
class OverlapTest {

    private static Set<Integer> cells(int off, int rows, int cols, int ld) {
        Set<Integer> s = new HashSet<>();
        for (int r = 0; r < rows; r++) for (int j = 0; j < cols; j++) s.add(off + r * ld + j);
        return s;
    }

    @Test
    void regionOverlapMatchesBruteForce() {
        Rng rng = new Rng(3);
        for (int trial = 0; trial < 20_000; trial++) {
            int rows1 = 1 + rng.nextInt(4), cols1 = 1 + rng.nextInt(5), ld1 = cols1 + rng.nextInt(6);
            int rows2 = 1 + rng.nextInt(4), cols2 = 1 + rng.nextInt(5), ld2 = cols2 + rng.nextInt(6);
            int off1 = rng.nextInt(30), off2 = rng.nextInt(30);
            Set<Integer> a = cells(off1, rows1, cols1, ld1);
            a.retainAll(cells(off2, rows2, cols2, ld2));
            assertEquals(!a.isEmpty(), MatmulArgs.overlap(off1, rows1, cols1, ld1, off2, rows2, cols2, ld2),
                    "off1=" + off1 + " rows1=" + rows1 + " cols1=" + cols1 + " ld1=" + ld1 + " off2=" + off2
                            + " rows2=" + rows2 + " cols2=" + cols2 + " ld2=" + ld2);
        }
    }

    @Test
    void batchDisjointnessMatchesBruteForce() {
        Rng rng = new Rng(4);
        for (int trial = 0; trial < 20_000; trial++) {
            int m = 1 + rng.nextInt(4), n = 1 + rng.nextInt(5), ldc = n + rng.nextInt(8);
            int batch = 1 + rng.nextInt(5);
            long stride = rng.nextInt(25);
            Set<Integer> seen = new HashSet<>();
            boolean disjoint = true;
            for (int i = 0; i < batch && disjoint; i++) {
                for (int c : cells((int) (i * stride), m, n, ldc)) {
                    if (!seen.add(c)) disjoint = false;
                }
            }
            assertEquals(disjoint, BatchSplit.disjoint(m, n, ldc, stride, batch),
                    "m=" + m + " n=" + n + " ldc=" + ldc + " stride=" + stride + " batch=" + batch);
        }
    }
}
