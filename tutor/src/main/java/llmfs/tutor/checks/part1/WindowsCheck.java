package llmfs.tutor.checks.part1;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.Diagnosis;
import llmfs.tutor.check.Shrink;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.function.BiFunction;

/** Exercise 1.2: (context, target) rows of every name, padded with '.' and ending with the '.' target. */
public final class WindowsCheck implements ExerciseCheck {

    /** The reference; {@code variant} builds the known mistakes the same way. */
    static int[][] rows(List<String> names, Map<Character, Integer> stoi, int block, String variant) {
        List<int[]> out = new ArrayList<>();
        int end = stoi.get('.');
        int[] ctx = new int[block];
        Arrays.fill(ctx, end);
        for (String name : names) {
            if (!variant.equals("shared-context")) Arrays.fill(ctx, end);
            String s = variant.equals("no-end") ? name : name + ".";
            for (int i = 0; i < s.length(); i++) {
                int t = stoi.get(s.charAt(i));
                boolean emit = !(variant.equals("skips-first") && i == 0);
                if (variant.equals("target-in-context")) slide(ctx, t, variant);
                if (emit) {
                    int[] row = new int[block + 1];
                    System.arraycopy(ctx, 0, row, 0, variant.equals("copy-off-by-one") ? block - 1 : block);
                    row[block] = t;
                    out.add(row);
                }
                if (!variant.equals("target-in-context")) slide(ctx, t, variant);
            }
        }
        return out.toArray(new int[0][]);
    }

    private static void slide(int[] ctx, int t, String variant) {
        if (variant.equals("slides-wrong-way")) {
            System.arraycopy(ctx, 0, ctx, 1, ctx.length - 1);
            ctx[0] = t;
        } else {
            System.arraycopy(ctx, 1, ctx, 0, ctx.length - 1);
            ctx[ctx.length - 1] = t;
        }
    }

    /** An edge round: names and a block size. */
    private record Case(List<String> names, int block) {
    }

    /** Fixed rounds before the random ones, smallest first. */
    private static final List<Case> EDGES = List.of(
            new Case(List.of(), 3),
            new Case(List.of("a"), 1),
            new Case(List.of("raj"), 5),
            new Case(List.of("ab", "cd"), 3),
            new Case(List.of("anna", "anna"), 2),
            new Case(List.of("Jo-Ann", "o'neil"), 4),
            new Case(List.of("zoë", "abcdefghij"), 3));

    private static final List<String> VARIANTS = List.of("no-end", "skips-first", "target-in-context",
            "shared-context", "slides-wrong-way", "copy-off-by-one");

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("Windows");
        Method m = ctx.staticMethod(c, "rows", int[][].class, List.class, Map.class, int.class);
        Rng rng = ctx.rng();
        BiFunction<List<String>, Integer, int[][]> learner = (names, block) -> {
            ctx.input("rows(" + VocabularyCheck.quoted(names) + ", stoi, " + block + ")");
            return (int[][]) ctx.call(m, new ArrayList<>(names), new HashMap<>(stoi(names)), block);
        };
        int total = EDGES.size() + 25;
        for (int round = 0; round < total; round++) {
            boolean edge = round < EDGES.size();
            List<String> names = edge ? EDGES.get(round).names() : VocabularyCheck.randomNames(rng);
            int block = edge ? EDGES.get(round).block() : 1 + rng.nextInt(7);
            if (Arrays.deepEquals(rows(names, stoi(names), block, ""), learner.apply(names, block))) continue;
            final int b = block;
            List<String> small = edge ? names : Shrink.list(names,
                    l -> !Arrays.deepEquals(rows(l, stoi(l), b, ""), learner.apply(l, b)), 40);
            return failure(small, block, learner);
        }
        return CheckReport.pass("rows match the reference on " + EDGES.size() + " edge cases (no names, one letter, "
                + "repeated names, capitals and hyphens) and 25 random name lists with block sizes 1–7"
                + " (for \"raj\": ..... → r, ....r → a, ...ra → j, ..raj → .)");
    }

    private static CheckReport failure(List<String> names, int block, BiFunction<List<String>, Integer, int[][]> learner) {
        Map<Character, Integer> stoi = stoi(names);
        char[] itos = VocabularyCheck.reference(names);
        int[][] want = rows(names, stoi, block, "");
        int[][] got = learner.apply(names, block);
        String diff = firstDiff(want, got, itos, block);
        String details = "names " + VocabularyCheck.quoted(names) + ", blockSize " + block + "\n" + diff
                + (names.isEmpty() ? "" : "\nexpected " + want.length + " rows in all; for \"" + names.get(0)
                + "\" they begin:\n" + preview(want, itos, block, names.get(0).length() + 1));
        CheckReport r = CheckReport.fail("the windows differ from the reference", details).withFirstDiff(diff);
        // Probes: the failing input, plus two names of three letters with a block of 3, where each mistake
        // leaves its own trace (a missing first or last row, a reversed or truncated context, a carried one).
        record In(List<String> names, int block) {
        }
        List<In> probes = List.of(new In(names, block), new In(List.of("abc", "de"), 3));
        Diagnosis d = Diagnosis.exact();
        for (String v : VARIANTS) {
            d.suspect(v, explain(v), probes, in -> learner.apply(in.names(), in.block()),
                    in -> rows(in.names(), stoi(in.names()), in.block(), v),
                    in -> rows(in.names(), stoi(in.names()), in.block(), ""));
        }
        return d.explain(r);
    }

    private static Map<Character, Integer> stoi(List<String> names) {
        char[] itos = VocabularyCheck.reference(names);
        Map<Character, Integer> stoi = new HashMap<>();
        for (int i = 0; i < itos.length; i++) stoi.put(itos[i], i);
        return stoi;
    }

    static String explain(String bug) {
        switch (bug) {
            case "no-end": return "the last row of each name is missing: after the final letter the target is '.', "
                    + "which teaches the model when a name ends.";
            case "skips-first": return "the first row of each name (all '.' → first letter) is missing; it is how the "
                    + "model learns which letters start names.";
            case "target-in-context": return "the window slides before the row is recorded, so the target is already "
                    + "the last id of its own context; record the row first, then slide.";
            case "shared-context": return "the context is not reset for each name, so a name's first rows still hold "
                    + "the end of the previous name; fill it with '.' at the start of every name.";
            case "slides-wrong-way": return "the window slides the wrong way: the newest id must go to the end "
                    + "(context[blockSize - 1]) and the oldest drop off the front, so \"ab\" gives ..a → b, not a.. → b.";
            case "copy-off-by-one": return "only blockSize − 1 context ids are copied into each row, so the last one "
                    + "(the id just before the target) is lost; copy all blockSize of them.";
            default: return bug;
        }
    }

    private static String firstDiff(int[][] want, int[][] got, char[] itos, int block) {
        if (got == null) return "rows() returned null";
        for (int i = 0; i < Math.min(want.length, got.length); i++) {
            if (!Arrays.equals(want[i], got[i])) {
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
        if (row.length != block + 1) return Arrays.toString(row) + " (a row needs " + (block + 1) + " numbers)";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (row[i] < 0 || row[i] >= itos.length) return Arrays.toString(row);
            if (i == block) sb.append(" → ");
            sb.append(itos[row[i]]);
        }
        return sb.toString();
    }
}
