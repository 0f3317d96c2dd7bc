/**
 * Exercise 5.2 — the loss mask (reference solution).
 */
public final class LossMask {

    public static final int IGNORE = -1;

    public static int[] targets(int[] ids, int promptLength) {
        int[] t = new int[ids.length - 1];
        for (int i = 0; i < t.length; i++) t[i] = i + 1 >= promptLength ? ids[i + 1] : IGNORE;
        return t;
    }
}
