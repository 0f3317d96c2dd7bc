package llmfs.tutor.checks.part2;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.LearnerException;
import llmfs.tutor.check.Diagnosis;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Exercise 2.2: the learner's batch and the reference batch are drawn with generators of the same seed, so every
 * start, window and target must agree exactly. Rounds cover a readable sequence 0, 1, 2, ..., random token
 * sequences (including ones with a single window) and the whole of Tiny Shakespeare with block 32.
 */
public final class RandomBatchCheck implements ExerciseCheck {
    private static final int ROUNDS = 30;

    /** A batch as the reference (variant "") or a known mistake draws it; x and y are filled, starts returned. */
    static int[] batch(int[] tokens, int block, int batchSize, long seed, int[] x, int[] y, String variant) {
        Rng rng = new Rng(seed);
        int bound = tokens.length - block;
        if (variant.equals("never-last-window")) bound -= 1;
        if (variant.equals("window-past-end")) bound += 1;
        int[] starts = new int[batchSize];
        int shared = variant.equals("one-draw-for-all") ? rng.nextInt(bound) : -1;
        for (int i = 0; i < batchSize; i++) {
            int start = shared >= 0 ? shared : rng.nextInt(bound);
            starts[i] = start;
            for (int j = 0; j < block; j++) {
                int at = variant.equals("column-major") ? j * batchSize + i
                        : variant.equals("row-offset-missing") ? i + j : i * block + j;
                x[at] = tokens[start + j];
            }
            y[i] = variant.equals("target-is-last-input") ? tokens[start + block - 1]
                    : variant.equals("target-one-late") ? tokens[start + block + 1] : tokens[start + block];
        }
        return starts;
    }

    /** x followed by y (unwritten entries -1, as the learner's arrays start), to compare with the mistakes. */
    private static int[] output(int[] tokens, int block, int batchSize, long seed, String variant) {
        int[] x = new int[batchSize * block];
        int[] y = new int[batchSize];
        Arrays.fill(x, -1);
        Arrays.fill(y, -1);
        batch(tokens, block, batchSize, seed, x, y, variant);
        int[] both = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, both, x.length, y.length);
        return both;
    }

    private static final List<String> VARIANTS = List.of("target-is-last-input", "column-major", "never-last-window",
            "window-past-end", "one-draw-for-all", "target-one-late", "row-offset-missing");

    /** One round's inputs. */
    private record Round(int[] tokens, int block, int batchSize, long seed) {
        String show() {
            return "batch(" + (tokens.length <= 24 ? Arrays.toString(tokens) : tokens.length + " tokens") + ", block "
                    + block + ", batchSize " + batchSize + ", new Rng(" + seed + "), x, y)";
        }
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("RandomBatch");
        Method m = ctx.staticMethod(c, "batch", void.class, int[].class, int.class, int.class, Rng.class,
                int[].class, int[].class);
        Rng rng = ctx.rng();
        Function<Round, int[]> learner = q -> {
            int[] x = new int[q.batchSize() * q.block()];
            int[] y = new int[q.batchSize()];
            Arrays.fill(x, -1); // entries the learner never writes show up as -1
            Arrays.fill(y, -1);
            ctx.input(q.show());
            ctx.call(m, q.tokens().clone(), q.block(), q.batchSize(), new Rng(q.seed()), x, y);
            int[] both = Arrays.copyOf(x, x.length + y.length);
            System.arraycopy(y, 0, both, x.length, y.length);
            return both;
        };
        // Edge rounds, smallest first: one token of context and one window (start must be 0), one row, more rows
        // than windows, a block of 1; then the readable 0, 1, ..., 19 with a seed under which every mistake shows.
        List<Round> rounds = new ArrayList<>(List.of(new Round(new int[]{7, 3}, 1, 1, 1), new Round(new int[]{4, 5, 6}, 2, 3, 2),
                new Round(new int[]{1, 2, 3, 4}, 1, 5, 3), new Round(iota(12), 5, 1, 4), probe(VARIANTS)));
        for (int round = 1; round < ROUNDS; round++) {
            int block = 1 + rng.nextInt(12);
            int windows = round <= 3 ? 1 : 1 + rng.nextInt(200); // a single window: start must always be 0
            int[] tokens = new int[block + windows];
            for (int i = 0; i < tokens.length; i++) tokens[i] = rng.nextInt(65);
            rounds.add(new Round(tokens, block, 1 + rng.nextInt(10), rng.nextLong()));
        }
        for (Round q : rounds) {
            CheckReport r = checkRound(ctx, learner, q);
            if (r != null) return r;
        }
        String text = TextSamples.shakespeare();
        int[] all = TextVocabCheck.encode(text, TextSamples.alphabet(text), -1);
        CheckReport r = checkRound(ctx, learner, new Round(all, 32, 16, rng.nextLong()));
        if (r != null) return r;
        return CheckReport.pass("every start, window and target matches the reference on " + rounds.size()
                + " batches (single windows, more rows than windows, random sequences) and on a batch of 16 windows "
                + "of 32 from all " + all.length + " characters of Tiny Shakespeare (" + (all.length - 32)
                + " possible windows)");
    }

    private static int[] iota(int n) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) t[i] = i;
        return t;
    }

    /**
     * Tokens 0, 1, ..., 19 (every id is its own position, so windows can be read off) with block 4, three rows,
     * and the first seed under which each of {@code variants} gives its own batch without reading past the end.
     */
    private static Round probe(List<String> variants) {
        int[] tokens = iota(20);
        Rng r = new Rng(20260101);
        search:
        while (true) {
            long seed = r.nextLong();
            int[] want = output(tokens, 4, 3, seed, "");
            List<int[]> seen = new ArrayList<>();
            seen.add(want);
            for (String v : variants) {
                int[] out;
                try {
                    out = output(tokens, 4, 3, seed, v);
                } catch (IndexOutOfBoundsException e) {
                    continue search;
                }
                for (int[] other : seen) if (Arrays.equals(other, out)) continue search;
                seen.add(out);
            }
            return new Round(tokens, 4, 3, seed);
        }
    }

    private static CheckReport checkRound(CheckContext ctx, Function<Round, int[]> learner, Round q) {
        int[] tokens = q.tokens();
        int block = q.block(), batchSize = q.batchSize();
        long seed = q.seed();
        int[] wantX = new int[batchSize * block];
        int[] wantY = new int[batchSize];
        int[] starts = batch(tokens, block, batchSize, seed, wantX, wantY, "");
        int[] got;
        Throwable thrown = null;
        try {
            got = learner.apply(q);
        } catch (LearnerException e) {
            // Reading past the end, or a bound of 0 for rng.nextInt, is diagnosed below; anything else is shown
            // as the exception it is, with the call that caused it.
            if (!(e.thrown() instanceof IndexOutOfBoundsException || e.thrown() instanceof IllegalArgumentException)) {
                throw e;
            }
            got = null;
            thrown = e.thrown();
        }
        int[] want = Arrays.copyOf(wantX, wantX.length + wantY.length);
        System.arraycopy(wantY, 0, want, wantX.length, wantY.length);
        if (Arrays.equals(want, got)) return null;

        StringBuilder details = new StringBuilder();
        details.append(tokens.length <= 40 ? "tokens: " + Arrays.toString(tokens) : "tokens: " + TextSamples.ids(tokens, 12))
                .append("\nblock ").append(block).append(", batchSize ").append(batchSize)
                .append(", tokens.length - block = ").append(tokens.length - block)
                .append(tokens.length - block == 1 ? " window" : " windows")
                .append("\nthe starts drawn with the same seed: ").append(Arrays.toString(starts));
        String diff;
        String headline;
        if (thrown != null) {
            diff = thrown.toString();
            headline = thrown instanceof IndexOutOfBoundsException ? "batch reads past the end of tokens"
                    : "batch threw on " + (tokens.length - block == 1 ? "a sequence with a single window" : q.show());
            details.append("\nyour code threw ").append(thrown);
        } else {
            int[] gotX = Arrays.copyOf(got, wantX.length), gotY = Arrays.copyOfRange(got, wantX.length, got.length);
            int row = 0;
            while (row < batchSize && sameRow(wantX, gotX, wantY, gotY, row, block)) row++;
            diff = "row " + row + ": expected " + row(wantX, wantY, row, block) + " but got " + row(gotX, gotY, row, block);
            headline = "the batch differs from the reference drawn with the same seed";
            details.append('\n').append(diff);
        }
        CheckReport r = CheckReport.fail(headline, details.toString()).withFirstDiff(diff);
        // Each mistake is confirmed on the readable probe (where all of them differ and none reads past the end)
        // and, when the learner's code returned, on the failing round too. A crash alone names nothing: a window
        // that is right with a target one too far crashes the same way as a window one too far.
        Round telling = probe(VARIANTS);
        List<Round> probes = thrown == null ? List.of(q, telling) : List.of(telling);
        Diagnosis d = Diagnosis.exact();
        for (String v : VARIANTS) {
            d.suspect(v, explain(v), probes, learner,
                    x -> output(x.tokens(), x.block(), x.batchSize(), x.seed(), v),
                    x -> output(x.tokens(), x.block(), x.batchSize(), x.seed(), ""));
        }
        return d.explain(r);
    }

    private static boolean sameRow(int[] wx, int[] gx, int[] wy, int[] gy, int row, int block) {
        return Arrays.equals(wx, row * block, row * block + block, gx, row * block, row * block + block)
                && wy[row] == gy[row];
    }

    private static String row(int[] x, int[] y, int row, int block) {
        return Arrays.toString(Arrays.copyOfRange(x, row * block, row * block + block)) + " → " + y[row];
    }

    static String explain(String bug) {
        switch (bug) {
            case "target-is-last-input": return "y[i] is the last id of the window itself (tokens[start + block - 1]); "
                    + "the target is the id right after the window, tokens[start + block].";
            case "column-major": return "x is filled column by column (x[j * batchSize + i]); row i must be the "
                    + "block consecutive entries x[i * block .. i * block + block).";
            case "never-last-window": return "start is drawn with rng.nextInt(tokens.length - block - 1), so the last "
                    + "window can never be chosen; the bound is tokens.length - block (nextInt excludes it already).";
            case "window-past-end": return "start is drawn with rng.nextInt(tokens.length - block + 1), which can "
                    + "pick a window with no token after it; use rng.nextInt(tokens.length - block).";
            case "one-draw-for-all": return "start is drawn once for the whole batch, so every row is the same "
                    + "window; draw a new start for each row, inside the loop.";
            case "target-one-late": return "the windows are right but y[i] is tokens[start + block + 1], one past the "
                    + "id that follows the window; the target is tokens[start + block].";
            case "row-offset-missing": return "row i is copied to x starting at i instead of i * block, so the rows "
                    + "overwrite each other; row i occupies x[i * block .. i * block + block).";
            default: return bug;
        }
    }
}
