package llmfs.compute.code;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassAtKTest {

    /** The definition with exact integers: 1 − C(n−c, k)/C(n, k). */
    private static double exact(int n, int c, int k) {
        BigInteger num = choose(n - c, k), den = choose(n, k);
        return 1.0 - new java.math.BigDecimal(num).divide(new java.math.BigDecimal(den), java.math.MathContext.DECIMAL128)
                .doubleValue();
    }

    private static BigInteger choose(int n, int k) {
        if (k < 0 || k > n) return BigInteger.ZERO;
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        return r;
    }

    @Test
    void matchesTheExactDefinitionIncludingWhereFactorialsOverflowADouble() {
        int[][] cases = {{1, 0, 1}, {1, 1, 1}, {10, 3, 1}, {10, 3, 5}, {20, 1, 10}, {200, 7, 10}, {500, 2, 100}, {300, 299, 1}};
        for (int[] t : cases) {
            assertEquals(exact(t[0], t[1], t[2]), PassAtK.estimate(t[0], t[1], t[2]), 1e-12,
                    "n=" + t[0] + " c=" + t[1] + " k=" + t[2]);
        }
    }

    @Test
    void passAtOneIsTheFractionThatPassedAndFullMarksWhenFailuresCannotFillK() {
        assertEquals(0.3, PassAtK.estimate(10, 3, 1), 1e-12);
        assertEquals(1.0, PassAtK.estimate(10, 8, 3));
        assertEquals(0.0, PassAtK.estimate(10, 0, 10));
    }

    @Test
    void growsWithK() {
        double previous = 0;
        for (int k = 1; k <= 20; k++) {
            double p = PassAtK.estimate(20, 2, k);
            assertTrue(p >= previous, "k=" + k);
            previous = p;
        }
    }

    @Test
    void meanAveragesProblemsAndRejectsImpossibleCounts() {
        assertEquals((0.5 + 0.0) / 2, PassAtK.mean(List.of(new int[]{2, 1}, new int[]{2, 0}), 1), 1e-12);
        assertTrue(Double.isNaN(PassAtK.mean(List.of(), 1)));
        assertThrows(IllegalArgumentException.class, () -> PassAtK.estimate(5, 6, 1));
        assertThrows(IllegalArgumentException.class, () -> PassAtK.estimate(5, 1, 6));
    }
}
