package llmfs.tutor.checks.part1;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Exercise 1.2: (context, target) rows of every name, padded with '.' and ending with the '.' target. */
public final class WindowsCheck implements ExerciseCheck {

    /** The reference; {@code variant} builds the known mistakes the same way. */
    static int[][] rows(List<String> names, Map<Character, Integer> stoi, int block, String variant) {
        List<int[]> out = new ArrayList<>();
        int end = stoi.get('.');
        for (String name : names) {
            int[] ctx = new int[block];
            java.util.Arrays.fill(ctx, end);
            String s = variant.equals("no-end") ? name : name + ".";
            for (int i = 0; i < s.length(); i++) {
                int t = stoi.get(s.charAt(i));
                boolean emit = !(variant.equals("skips-first") && i == 0);
                if (variant.equals("target-in-context")) slide(ctx, t);
                if (emit) {
                    int[] row = java.util.Arrays.copyOf(ctx, block + 1);
                    row[block] = t;
                    out.add(row);
                }
                if (!variant.equals("target-in-context")) slide(ctx, t);
            }
        }
        return out.toArray(new int[0][]);
    }

    private static void slide(int[] ctx, int t) {
        System.arraycopy(ctx, 1, ctx, 0, ctx.length - 1);
        ctx[ctx.length - 1] = t;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("Windows");
        Method m = ctx.staticMethod(c, "rows", int[][].class, List.class, Map.class, int.class);
        Rng rng = ctx.rng();
        for (int round = 0; round < 25; round++) {
            List<String> names = round == 0 ? List.of("raj") : VocabularyCheck.randomNames(rng);
            int block = round == 0 ? 5 : 1 + rng.nextInt(7);
            char[] itos = VocabularyCheck.reference(names);
            Map<Character, Integer> stoi = new HashMap<>();
            for (int i = 0; i < itos.length; i++) stoi.put(itos[i], i);
            int[][] want = rows(names, stoi, block, "");
            int[][] got = (int[][]) ctx.call(m, new ArrayList<>(names), new HashMap<>(stoi), block);
            if (java.util.Arrays.deepEquals(want, got)) continue;
            Optional<String> bug = WrongVariants.catalogue()
                    .add("no-end", () -> rows(names, stoi, block, "no-end"))
                    .add("skips-first", () -> rows(names, stoi, block, "skips-first"))
                    .add("target-in-context", () -> rows(names, stoi, block, "target-in-context"))
                    .match(got, 0, 0);
            String diff = firstDiff(want, got, itos, block);
            String details = "names " + names + ", blockSize " + block + "\n" + diff
                    + "\nexpected " + want.length + " rows in all; for \"" + names.get(0) + "\" they begin:\n"
                    + preview(want, itos, block, names.get(0).length() + 1)
                    + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
            return CheckReport.fail("the windows differ from the reference", details).withFirstDiff(diff)
                    .withLikelyBug(bug.orElse(null));
        }
        return CheckReport.pass("rows match the reference on 25 random name lists and block sizes 1–7"
                + " (for \"raj\": ..... → r, ....r → a, ...ra → j, ..raj → .)");
    }

    static String explain(String bug) {
        switch (bug) {
            case "no-end": return "the last row of each name is missing: after the final letter the target is '.', "
                    + "which teaches the model when a name ends.";
            case "skips-first": return "the first row of each name (all '.' → first letter) is missing; it is how the "
                    + "model learns which letters start names.";
            case "target-in-context": return "the window slides before the row is recorded, so the target is already "
                    + "the last id of its own context; record the row first, then slide.";
            default: return bug;
        }
    }

    private static String firstDiff(int[][] want, int[][] got, char[] itos, int block) {
        if (got == null) return "rows() returned null";
        for (int i = 0; i < Math.min(want.length, got.length); i++) {
            if (!java.util.Arrays.equals(want[i], got[i])) {
                return "row " + i + ": expected " + render(want[i], itos, block) + " but got " + render(got[i], itos, block);
            }
        }
        return "expected " + want.length + " rows but got " + got.length;
    }

    private static String preview(int[][] rows, char[] itos, int block, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, rows.length); i++) sb.append("  ").append(render(rows[i], itos, block)).append('\n');
        return sb.toString().stripTrailing();
    }

    /** "...ra → j" (falls back to the raw numbers when ids are out of range). */
    static String render(int[] row, char[] itos, int block) {
        if (row == null) return "null";
        if (row.length != block + 1) return java.util.Arrays.toString(row) + " (a row needs " + (block + 1) + " numbers)";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (row[i] < 0 || row[i] >= itos.length) return java.util.Arrays.toString(row);
            if (i == block) sb.append(" → ");
            sb.append(itos[row[i]]);
        }
        return sb.toString();
    }
}
