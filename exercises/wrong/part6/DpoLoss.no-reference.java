/**
 * Exercise 6.2 — the DPO loss of one preference pair — a known mistake (no-reference).
 */
public final class DpoLoss {

    public static double loss(double pc, double pr, double rc, double rr, double beta) {
        double z = beta * (pc - pr);
        return Math.log1p(Math.exp(-Math.abs(z))) + Math.max(-z, 0);
    }

    public static double gradChosen(double pc, double pr, double rc, double rr, double beta) {
        double z = beta * ((pc - rc) - (pr - rr));
        return -beta / (1 + Math.exp(z));
    }
}
