package llmfs.tutor.checks.part4;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.Comparison;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Optional;

/** Exercise 4.3: splitting rows into heads of consecutive columns, merging them back, and the round trip. */
public final class HeadsCheck implements ExerciseCheck {

    /** The reference split; {@code order}: "slices" (correct), "interleaved", "reversed". */
    static float[][][] split(float[][] x, int heads, String order) {
        int t = x.length, d = x[0].length, dk = d / heads;
        float[][][] out = new float[heads][t][dk];
        for (int h = 0; h < heads; h++) {
            for (int p = 0; p < t; p++) {
                for (int c = 0; c < dk; c++) {
                    out[h][p][c] = x[p][switch (order) {
                        case "interleaved" -> c * heads + h;
                        case "reversed" -> (heads - 1 - h) * dk + c;
                        default -> h * dk + c;
                    }];
                }
            }
        }
        return out;
    }

    /** The reference merge; {@code order} as for split, or "sum" (adds the heads). */
    static float[][] merge(float[][][] heads, String order) {
        int hs = heads.length, t = heads[0].length, dk = heads[0][0].length;
        float[][] out = new float[t][hs * dk];
        for (int h = 0; h < hs; h++) {
            for (int p = 0; p < t; p++) {
                for (int c = 0; c < dk; c++) {
                    switch (order) {
                        case "interleaved" -> out[p][c * hs + h] = heads[h][p][c];
                        case "reversed" -> out[p][(hs - 1 - h) * dk + c] = heads[h][p][c];
                        case "sum" -> out[p][c] += heads[h][p][c];
                        default -> out[p][h * dk + c] = heads[h][p][c];
                    }
                }
            }
        }
        return out;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("Heads");
        Method split = ctx.staticMethod(c, "split", float[][][].class, float[][].class, int.class);
        Method merge = ctx.staticMethod(c, "merge", float[][].class, float[][][].class);
        Rng rng = ctx.rng();
        for (int round = 0; round < 20; round++) {
            int heads = 2 + rng.nextInt(4), dk = 1 + rng.nextInt(6), t = 1 + rng.nextInt(7), d = heads * dk;
            if (round == 0) {
                heads = 4;
                dk = 32;
                t = 3;
                d = 128;
            }
            float[][] x = Matrices.randn(rng, t, d, 1);
            String where = "a " + Matrices.shape(t, d) + " input with " + heads + " heads";
            float[][][] want = split(x, heads, "slices");
            float[][][] got = (float[][][]) ctx.call(split, Matrices.copy(x), heads);
            Comparison cs = Compare.floats(Matrices.flat(want), Matrices.flat(got), 0, 0);
            if (!cs.matches()) {
                int hh = heads;
                Optional<String> bug = WrongVariants.catalogue()
                        .add("interleaved", () -> Matrices.flat(split(x, hh, "interleaved")))
                        .add("heads-reversed", () -> Matrices.flat(split(x, hh, "reversed")))
                        .match(Matrices.flat(got), 0, 0);
                return report(cs.toFailure("split is wrong for " + where + " (shape [heads][T][d/heads])", heads, t,
                        dk), bug);
            }
            float[][][] parts = new float[heads][][];
            for (int h = 0; h < heads; h++) parts[h] = Matrices.randn(rng, t, dk, 1);
            float[][] wantM = merge(parts, "slices");
            float[][] gotM = (float[][]) ctx.call(merge, (Object) copy(parts));
            Comparison cm = Compare.floats(Matrices.flat(wantM), Matrices.flat(gotM), 0, 0);
            if (!cm.matches()) {
                Optional<String> bug = WrongVariants.catalogue()
                        .add("interleaved", () -> Matrices.flat(merge(parts, "interleaved")))
                        .add("heads-reversed", () -> Matrices.flat(merge(parts, "reversed")))
                        .add("merge-sums-heads", () -> Matrices.flat(merge(parts, "sum")))
                        .match(Matrices.flat(gotM), 1e-6, 1e-6);
                return report(cm.toFailure("merge is wrong for " + heads + " heads of " + Matrices.shape(t, dk)
                        + " (the result is [T][heads·dk])", t, d), bug);
            }
            float[][] back = (float[][]) ctx.call(merge, (Object) ctx.call(split, Matrices.copy(x), heads));
            Comparison rt = Compare.floats(Matrices.flat(x), Matrices.flat(back), 0, 0);
            if (!rt.matches()) return rt.toFailure("merge(split(x)) is not x for " + where, t, d);
        }
        return CheckReport.pass("split, merge and merge(split(x)) = x are right on 20 inputs, e.g. width 128 into 4"
                + " heads of 32 as in the course's model");
    }

    private static float[][][] copy(float[][][] a) {
        float[][][] c = new float[a.length][][];
        for (int i = 0; i < a.length; i++) c[i] = Matrices.copy(a[i]);
        return c;
    }

    private static CheckReport report(CheckReport r, Optional<String> bug) {
        if (bug.isEmpty()) return r;
        return CheckReport.fail(r.headline(), r.details() + "\n\nLikely bug (" + bug.get() + "): " + explain(bug.get()))
                .withFirstDiff(r.firstDiff()).withMaxError(r.maxError() == null ? 0 : r.maxError())
                .withLikelyBug(bug.get());
    }

    static String explain(String bug) {
        return switch (bug) {
            case "interleaved" -> "head h takes every H-th column (h, h+H, ...); it must take one consecutive slice,"
                    + " columns h·dk to h·dk + dk − 1, which is what view(B, T, H, dk) gives.";
            case "heads-reversed" -> "the heads come out in reverse order: head 0 takes the FIRST slice.";
            case "merge-sums-heads" -> "merge adds the heads on top of each other; it must put them side by side"
                    + " (the result is H times wider than one head).";
            default -> bug;
        };
    }
}
