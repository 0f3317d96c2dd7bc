package llmfs.compute.code;

import java.util.List;

/**
 * The unbiased pass@k estimator: with n samples of which c pass, the chance that at least one of k samples drawn
 * without replacement passes is 1 − C(n−c, k) / C(n, k).
 *
 * <p>Binomial coefficients of a few hundred overflow a double, so the ratio is computed as a product of small
 * factors instead: C(n−c, k) / C(n, k) = ∏ over i = n−c+1 .. n of (1 − k / i). Every factor lies in [0, 1], so the
 * product never overflows and loses no precision to cancellation.
 */
public final class PassAtK {
    private PassAtK() {}

    /**
     * pass@k for one problem.
     *
     * @param n samples drawn
     * @param c samples that passed, 0 ≤ c ≤ n
     * @param k the budget, 1 ≤ k ≤ n
     */
    public static double estimate(int n, int c, int k) {
        if (n < 1 || c < 0 || c > n) {
            throw new IllegalArgumentException("need n >= 1 and 0 <= c <= n, got n=" + n + ", c=" + c);
        }
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be between 1 and n=" + n + ", got " + k
                    + " (draw at least k samples per problem)");
        }
        if (n - c < k) return 1.0; // every k-subset holds a passing sample
        double allFail = 1.0;
        for (int i = n - c + 1; i <= n; i++) allFail *= 1.0 - (double) k / i;
        return 1.0 - allFail;
    }

    /** pass@k averaged over problems, each given as {n, c}; NaN for no problems. */
    public static double mean(List<int[]> nc, int k) {
        if (nc.isEmpty()) return Double.NaN;
        double sum = 0;
        for (int[] p : nc) sum += estimate(p[0], p[1], k);
        return sum / nc.size();
    }
}
