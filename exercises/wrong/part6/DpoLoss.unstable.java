/**
 * Exercise 6.2 — the DPO loss of one preference pair — a known mistake (unstable).
 */
public final class DpoLoss {

    public static double loss(double pc, double pr, double rc, double rr, double beta) {
        double z = beta * ((pc - rc) - (pr - rr));
        return -Math.log(1 / (1 + Math.exp(-z)));
    }

    public static double gradChosen(double pc, double pr, double rc, double rr, double beta) {
        double z = beta * ((pc - rc) - (pr - rr));
        return -beta / (1 + Math.exp(z));
    }
}
