/**
 * Exercise 4.3 — splitting into heads and merging them back.
 *
 * Multi-head attention runs H small attentions side by side. The width d is cut into H consecutive slices of
 * dk = d / H columns: head h gets columns h·dk .. h·dk + dk − 1 of every position. After each head has attended,
 * merging puts the slices back side by side, so merge(split(x)) == x.
 *
 *   x [T][d]  --split-->  heads [H][T][dk]  --merge-->  [T][d]
 *
 * (The model does the same with views and permutes: [B, T, d] -> [B, T, H, dk] -> [B, H, T, dk].)
 *
 * Check with `c` in the tutor (or `bin/tutor check 4.3`); `h` shows a hint.
 */
public final class Heads {

    /** heads[h][t][c] = x[t][h·dk + c], with dk = d / heads. */
    public static float[][][] split(float[][] x, int heads) {
        int t = x.length, d = x[0].length;
        if (d % heads != 0) throw new IllegalArgumentException("width " + d + " is not divisible by " + heads);
        int dk = d / heads;
        float[][][] out = new float[heads][t][dk];
        for (int h = 0; h < heads; h++) {
            for (int p = 0; p < t; p++) {
                for (int c = 0; c < dk; c++) out[h][p][c] = x[p][(heads - 1 - h) * dk + c];
            }
        }
        return out;
    }

    /** The inverse of split: out[t][h·dk + c] = heads[h][t][c]. */
    public static float[][] merge(float[][][] heads) {
        int hs = heads.length, t = heads[0].length, dk = heads[0][0].length;
        float[][] out = new float[t][hs * dk];
        for (int h = 0; h < hs; h++) {
            for (int p = 0; p < t; p++) {
                for (int c = 0; c < dk; c++) out[p][(hs - 1 - h) * dk + c] = heads[h][p][c];
            }
        }
        return out;
    }
}
