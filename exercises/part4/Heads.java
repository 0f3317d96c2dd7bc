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
        // TODO: dk = d / heads (refuse a width that does not divide); copy column h*dk + c of row t to [h][t][c].
        throw new IllegalStateException("TODO: cut each row into consecutive slices, one per head");
    }

    /** The inverse of split: out[t][h·dk + c] = heads[h][t][c]. */
    public static float[][] merge(float[][][] heads) {
        // TODO: put the heads' slices back side by side.
        throw new IllegalStateException("TODO: concatenate the heads' slices back into rows of width H*dk");
    }
}
