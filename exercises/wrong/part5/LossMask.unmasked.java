/**
 * Exercise 5.2 — the loss mask — a known mistake (unmasked).
 */
public final class LossMask {

    public static final int IGNORE = -1;

    public static int[] targets(int[] ids, int promptLength) {
        int[] t = new int[ids.length - 1];
        for (int i = 0; i < t.length; i++) t[i] = ids[i + 1];
        return t;
    }
}
