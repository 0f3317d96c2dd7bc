/**
 * Exercise 5.2 — the loss mask — a known mistake (first-answer-token-masked).
 */
public final class LossMask {

    public static final int IGNORE = -1;

    public static int[] targets(int[] ids, int promptLength) {
        int[] t = new int[ids.length - 1];
        for (int i = 0; i < t.length; i++) t[i] = i >= promptLength ? ids[i + 1] : IGNORE;
        return t;
    }
}
