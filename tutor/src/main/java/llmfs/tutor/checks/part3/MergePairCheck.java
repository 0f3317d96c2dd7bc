package llmfs.tutor.checks.part3;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Exercise 3.2: merging one pair, left to right without overlaps, on a run of a's, on multi-character tokens, on
 * pairs that do not occur and on random token lists. Every string handed over is a distinct object, so comparing
 * tokens with == is caught.
 */
public final class MergePairCheck implements ExerciseCheck {
    private static final int ROUNDS = 40;

    /** The reference, and the mistakes. */
    static List<String> merge(List<String> tokens, String left, String right, String variant) {
        int n = tokens.size();
        if (variant.equals("reference-equality")) return new ArrayList<>(tokens); // == never holds for these strings
        if (variant.equals("right-to-left")) {
            List<String> out = new ArrayList<>();
            int i = n - 1;
            while (i >= 0) {
                if (i >= 1 && tokens.get(i - 1).equals(left) && tokens.get(i).equals(right)) {
                    out.add(0, left + right);
                    i -= 2;
                } else {
                    out.add(0, tokens.get(i--));
                }
            }
            return out;
        }
        List<String> out = new ArrayList<>();
        int end = variant.equals("drops-last-token") ? n - 1 : n;
        int i = 0;
        while (i < end) {
            if (i + 1 < n && tokens.get(i).equals(left) && tokens.get(i + 1).equals(right)) {
                out.add(left + right);
                i += variant.equals("no-skip") ? 1 : 2;
            } else {
                out.add(tokens.get(i++));
            }
        }
        return out;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("MergePair");
        Method m = ctx.staticMethod(c, "merge", List.class, List.class, String.class, String.class);
        Rng rng = ctx.rng();
        for (int round = 0; round < ROUNDS; round++) {
            List<String> tokens;
            List<String> pair;
            switch (round) {
                case 0 -> { // runs of a's: where overlaps and scan direction show
                    tokens = BpeReference.chars("aaabdaaabac");
                    pair = List.of("a", "a");
                }
                case 1 -> {
                    tokens = List.of("lo", "w", " ", "lo", "w", "e", "r");
                    pair = List.of("lo", "w");
                }
                case 2 -> {
                    tokens = BpeReference.chars("low");
                    pair = List.of("o", "l"); // does not occur: nothing changes
                }
                case 3 -> {
                    tokens = List.of();
                    pair = List.of("a", "b");
                }
                default -> {
                    tokens = TokenSamples.randomTokens(rng);
                    pair = randomPair(rng, tokens);
                }
            }
            CheckReport r = checkRound(ctx, m, TokenSamples.fresh(tokens), pair);
            if (r != null) return r;
        }
        return CheckReport.pass("merge matches the reference on " + ROUNDS + " token lists (\"aaabdaaabac\" with "
                + "('a', 'a') → [aa, a, b, d, aa, a, b, a, c]: left to right, no overlaps)");
    }

    /** Mostly a pair that occurs (sometimes one that does not), so merging really happens. */
    private static List<String> randomPair(Rng rng, List<String> tokens) {
        if (tokens.size() >= 2 && rng.nextInt(5) != 0) {
            int i = rng.nextInt(tokens.size() - 1);
            return List.of(tokens.get(i), tokens.get(i + 1));
        }
        return List.of("x", "y");
    }

    private static CheckReport checkRound(CheckContext ctx, Method m, List<String> tokens, List<String> pair) {
        String left = new String(pair.get(0));
        String right = new String(pair.get(1));
        List<String> want = merge(tokens, left, right, "");
        List<String> given = new ArrayList<>(tokens);
        @SuppressWarnings("unchecked")
        List<String> got = (List<String>) ctx.call(m, given, left, right);
        String call = "merge(" + TokenSamples.show(tokens, 30) + ", " + TokenSamples.token(left) + ", "
                + TokenSamples.token(right) + ")";
        if (want.equals(got)) {
            if (!given.equals(tokens)) {
                return CheckReport.fail("merge changed the token list it was given",
                        call + "\nthe list passed in now holds " + TokenSamples.show(given, 30)
                                + "\nBuild a new list and leave the input as it was.");
            }
            return null;
        }
        Optional<String> bug = WrongVariants.catalogue()
                .add("reference-equality", () -> merge(tokens, left, right, "reference-equality"))
                .add("no-skip", () -> merge(tokens, left, right, "no-skip"))
                .add("right-to-left", () -> merge(tokens, left, right, "right-to-left"))
                .add("drops-last-token", () -> merge(tokens, left, right, "drops-last-token"))
                .match(got == null ? null : new ArrayList<>(got), 0, 0);
        String diff = firstDiff(want, got);
        String details = call + "\nexpected: " + TokenSamples.show(want, 30) + "\ngot:      " + TokenSamples.show(got, 30)
                + "\n" + diff + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
        return CheckReport.fail("merging " + TokenSamples.pair(pair) + " gives the wrong tokens", details)
                .withFirstDiff(diff).withLikelyBug(bug.orElse(null));
    }

    static String firstDiff(List<String> want, List<String> got) {
        if (got == null) return "got null instead of a list";
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            if (!want.get(i).equals(got.get(i))) {
                return "at [" + i + "]: expected " + TokenSamples.token(want.get(i)) + " but got " + TokenSamples.token(got.get(i));
            }
        }
        return "expected " + want.size() + " tokens but got " + got.size();
    }

    static String explain(String bug) {
        switch (bug) {
            case "reference-equality": return "nothing was merged although the pair occurs: the tokens are compared "
                    + "with ==, which asks whether two Strings are the same object, not whether they hold the same "
                    + "text. Use tokens.get(i).equals(left).";
            case "no-skip": return "after a merge only one position is skipped, so the right half is used again "
                    + "(in [a, a, a] both pairs merge); jump by 2 past both tokens of a merged pair.";
            case "right-to-left": return "the pairs are matched from the right ([a, a, a] → [a, aa]); scan from the "
                    + "left, as training does ([a, a, a] → [aa, a]).";
            case "drops-last-token": return "the final token is lost when it is not part of a merge: the loop stops at "
                    + "size() - 1; loop to size() and test i + 1 < size() before looking at the right neighbour.";
            default: return bug;
        }
    }
}
