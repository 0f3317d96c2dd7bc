/**
 * Exercise 6.4 — what to watch while DPO trains — a known mistake (ties-count).
 */
public final class PreferenceMetrics {

    public static double[] metrics(double[] pc, double[] pr, double[] rc, double[] rr, double beta) {
        int n = pc.length;
        double wins = 0, diff = 0, chosen = 0, rejected = 0;
        for (int i = 0; i < n; i++) {
            double c = beta * (pc[i] - rc[i]);
            double r = beta * (pr[i] - rr[i]);
            if (c >= r) wins++;
            diff += c - r;
            chosen += c;
            rejected += r;
        }
        return new double[]{wins / n, diff / n, chosen / n, rejected / n};
    }
}
