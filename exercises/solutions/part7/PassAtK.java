/**
 * Exercise 7.4 — the unbiased pass@k estimator.
 *
 * For one problem we drew n samples and c of them passed the unit tests. pass@k is the chance that at least one of
 * k samples passes. Estimate it by asking: of all ways to pick k of the n samples, how many contain no passing one?
 *
 *   pass@k = 1 - C(n - c, k) / C(n, k)          (C(a, b) = "a choose b"; C(a, b) = 0 when b > a)
 *
 * The binomials overflow a double beyond n of about 1000 (and factorials already at 171), so do not compute them.
 * Their ratio is a product of factors between 0 and 1:
 *
 *   C(n - c, k) / C(n, k) = product for i = n - c + 1 .. n of (1 - k / i)
 *
 * When n - c < k every choice of k includes a pass: return 1.0 (the product gets there too, through a factor 0).
 */
public final class PassAtK {

    /** pass@k for n samples with c passing; 0 <= c <= n, 1 <= k <= n. */
    public static double passAtK(int n, int c, int k) {
        if (n - c < k) {
            return 1.0;
        }
        double allFail = 1.0;
        for (int i = n - c + 1; i <= n; i++) {
            allFail *= 1.0 - (double) k / i;
        }
        return 1.0 - allFail;
    }
}
