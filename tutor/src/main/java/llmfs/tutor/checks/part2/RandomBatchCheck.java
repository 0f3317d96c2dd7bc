package llmfs.tutor.checks.part2;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.LearnerException;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

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
        for (int i = 0; i < batchSize; i++) {
            int start = rng.nextInt(bound);
            starts[i] = start;
            for (int j = 0; j < block; j++) {
                int at = variant.equals("column-major") ? j * batchSize + i : i * block + j;
                x[at] = tokens[start + j];
            }
            y[i] = variant.equals("target-is-last-input") ? tokens[start + block - 1] : tokens[start + block];
        }
        return starts;
    }

    /** x followed by y, which is how outputs are compared with the known mistakes. */
    private static int[] output(int[] tokens, int block, int batchSize, long seed, String variant) {
        int[] x = new int[batchSize * block];
        int[] y = new int[batchSize];
        batch(tokens, block, batchSize, seed, x, y, variant);
        int[] both = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, both, x.length, y.length);
        return both;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("RandomBatch");
        Method m = ctx.staticMethod(c, "batch", void.class, int[].class, int.class, int.class, Rng.class,
                int[].class, int[].class);
        Rng rng = ctx.rng();
        for (int round = 0; round < ROUNDS; round++) {
            int[] tokens;
            int block;
            int batchSize;
            long seed;
            if (round == 0) {
                // 0, 1, ..., 19: every id is its own position, so the windows can be read off directly.
                tokens = new int[20];
                for (int i = 0; i < tokens.length; i++) tokens[i] = i;
                block = 4;
                batchSize = 3;
                seed = telling(rng, tokens, block, batchSize);
            } else {
                block = 1 + rng.nextInt(12);
                int windows = round <= 3 ? 1 : 1 + rng.nextInt(200); // a single window: start must always be 0
                tokens = new int[block + windows];
                for (int i = 0; i < tokens.length; i++) tokens[i] = rng.nextInt(65);
                batchSize = 1 + rng.nextInt(10);
                seed = rng.nextLong();
            }
            CheckReport r = checkRound(ctx, m, tokens, block, batchSize, seed);
            if (r != null) return r;
        }
        String text = TextSamples.shakespeare();
        int[] all = TextVocabCheck.encode(text, TextSamples.alphabet(text), -1);
        CheckReport r = checkRound(ctx, m, all, 32, 16, rng.nextLong());
        if (r != null) return r;
        return CheckReport.pass("every start, window and target matches the reference on " + ROUNDS
                + " random batches and on a batch of 16 windows of 32 from all " + all.length
                + " characters of Tiny Shakespeare (" + (all.length - 32) + " possible windows)");
    }

    private static CheckReport checkRound(CheckContext ctx, Method m, int[] tokens, int block, int batchSize, long seed) {
        int[] wantX = new int[batchSize * block];
        int[] wantY = new int[batchSize];
        int[] starts = batch(tokens, block, batchSize, seed, wantX, wantY, "");
        int[] gotX = new int[wantX.length];
        int[] gotY = new int[wantY.length];
        Arrays.fill(gotX, -1); // entries the learner never writes show up as -1
        Arrays.fill(gotY, -1);
        try {
            ctx.call(m, tokens.clone(), block, batchSize, new Rng(seed), gotX, gotY);
        } catch (LearnerException e) {
            if (e.thrown() instanceof IndexOutOfBoundsException && overruns(tokens, block, batchSize, seed)) {
                String details = "tokens: " + tokens.length + " ids, block " + block + ", batchSize " + batchSize
                        + "\nyour code threw " + e.thrown() + "\n\nLikely bug (window-past-end): " + explain("window-past-end");
                return CheckReport.fail("batch reads past the end of tokens", details)
                        .withFirstDiff(e.thrown().toString()).withLikelyBug("window-past-end");
            }
            throw e;
        }
        if (Arrays.equals(wantX, gotX) && Arrays.equals(wantY, gotY)) return null;

        int[] got = Arrays.copyOf(gotX, gotX.length + gotY.length);
        System.arraycopy(gotY, 0, got, gotX.length, gotY.length);
        Optional<String> bug = WrongVariants.catalogue()
                .add("target-is-last-input", () -> output(tokens, block, batchSize, seed, "target-is-last-input"))
                .add("column-major", () -> output(tokens, block, batchSize, seed, "column-major"))
                .add("never-last-window", () -> output(tokens, block, batchSize, seed, "never-last-window"))
                .add("window-past-end", () -> output(tokens, block, batchSize, seed, "window-past-end"))
                .match(got, 0, 0);
        int row = 0;
        while (row < batchSize && sameRow(wantX, gotX, wantY, gotY, row, block)) row++;
        String diff = "row " + row + ": expected " + row(wantX, wantY, row, block) + " but got " + row(gotX, gotY, row, block);
        StringBuilder details = new StringBuilder();
        details.append(tokens.length <= 40 ? "tokens: " + Arrays.toString(tokens) : "tokens: " + TextSamples.ids(tokens, 12))
                .append("\nblock ").append(block).append(", batchSize ").append(batchSize)
                .append(", tokens.length - block = ").append(tokens.length - block).append(" windows")
                .append("\nthe starts drawn with the same seed: ").append(Arrays.toString(starts))
                .append('\n').append(diff);
        bug.ifPresent(b -> details.append("\n\nLikely bug (").append(b).append("): ").append(explain(b)));
        return CheckReport.fail("the batch differs from the reference drawn with the same seed", details.toString())
                .withFirstDiff(diff).withLikelyBug(bug.orElse(null));
    }

    /**
     * A seed for the readable first round under which every known mistake gives a different batch than the right
     * code, so that round alone can name each of them.
     */
    private static long telling(Rng rng, int[] tokens, int block, int batchSize) {
        while (true) {
            long seed = rng.nextLong();
            int[] want = output(tokens, block, batchSize, seed, "");
            int[] shortBound = output(tokens, block, batchSize, seed, "never-last-window");
            if (Arrays.equals(want, shortBound)) continue;
            if (overruns(tokens, block, batchSize, seed)) return seed;
            int[] longBound = output(tokens, block, batchSize, seed, "window-past-end");
            if (!Arrays.equals(want, longBound) && !Arrays.equals(shortBound, longBound)) return seed;
        }
    }

    /** Whether drawing from one window too many reaches the window that has no target. */
    private static boolean overruns(int[] tokens, int block, int batchSize, long seed) {
        Rng r = new Rng(seed);
        for (int i = 0; i < batchSize; i++) {
            if (r.nextInt(tokens.length - block + 1) == tokens.length - block) return true;
        }
        return false;
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
            default: return bug;
        }
    }
}
