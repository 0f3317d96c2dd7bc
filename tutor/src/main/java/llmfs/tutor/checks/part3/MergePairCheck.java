package llmfs.tutor.checks.part3;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.Diagnosis;
import llmfs.tutor.check.Shrink;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
            boolean rightMatches = variant.equals("checks-left-only") || i + 1 < n && tokens.get(i + 1).equals(right);
            if (i + 1 < n && tokens.get(i).equals(left) && rightMatches) {
                out.add(left + right);
                if (variant.equals("first-only")) {
                    out.addAll(tokens.subList(i + 2, n));
                    return out;
                }
                i += variant.equals("no-skip") ? 1 : 2;
            } else {
                out.add(tokens.get(i++));
            }
        }
        return out;
    }

    private static final List<String> VARIANTS = List.of("reference-equality", "no-skip", "right-to-left",
            "drops-last-token", "first-only", "checks-left-only");

    /** One merge call. */
    private record Round(List<String> tokens, List<String> pair) {
    }

    /**
     * Fixed rounds, smallest first: no tokens, one token, runs of two, three and four a's, a pair that does not
     * occur, a merge that spells a token already there ("ab" from (a, b) beside an existing "ab"), a merge of
     * multi-character tokens, an emoji's two chars, then "aaabdaaabac" and "low lower".
     */
    private static final List<Round> EDGES = List.of(
            new Round(List.of(), List.of("a", "b")),
            new Round(List.of("a"), List.of("a", "a")),
            new Round(List.of("a", "a"), List.of("a", "a")),
            new Round(List.of("a", "a", "a"), List.of("a", "a")),
            new Round(List.of("a", "a", "a", "a"), List.of("a", "a")),
            new Round(BpeReference.chars("low"), List.of("o", "l")),
            new Round(List.of("ab", "a", "b"), List.of("a", "b")),
            new Round(List.of("a", "bc", "ab", "c"), List.of("ab", "c")),
            new Round(List.of("\uD83D", "\uDE00", "x", "\uD83D", "\uDE00"), List.of("\uD83D", "\uDE00")),
            new Round(BpeReference.chars("aaabdaaabac"), List.of("a", "a")),
            new Round(List.of("lo", "w", " ", "lo", "w", "e", "r"), List.of("lo", "w")));

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("MergePair");
        Method m = ctx.staticMethod(c, "merge", List.class, List.class, String.class, String.class);
        Rng rng = ctx.rng();
        Function<Round, List<String>> learner = q -> {
            // Distinct String objects every time, so == between tokens never holds by accident.
            List<String> given = new ArrayList<>(TokenSamples.fresh(q.tokens()));
            ctx.input(call(q.tokens(), q.pair().get(0), q.pair().get(1)));
            @SuppressWarnings("unchecked")
            List<String> got = (List<String>) ctx.call(m, given, new String(q.pair().get(0)), new String(q.pair().get(1)));
            return got == null ? null : new ArrayList<>(got);
        };
        for (int round = 0; round < EDGES.size() + ROUNDS; round++) {
            Round q;
            if (round < EDGES.size()) {
                q = EDGES.get(round);
            } else {
                List<String> tokens = TokenSamples.randomTokens(rng);
                q = new Round(tokens, randomPair(rng, tokens));
            }
            CheckReport r = checkRound(ctx, m, learner, TokenSamples.fresh(q.tokens()), q.pair(), round >= EDGES.size());
            if (r != null) return r;
        }
        return CheckReport.pass("merge matches the reference on " + EDGES.size() + " edge cases and " + ROUNDS
                + " random token lists (\"aaabdaaabac\" with ('a', 'a') → [aa, a, b, d, aa, a, b, a, c]: left to "
                + "right, no overlaps)");
    }

    /** Mostly a pair that occurs (sometimes one that does not), so merging really happens. */
    private static List<String> randomPair(Rng rng, List<String> tokens) {
        if (tokens.size() >= 2 && rng.nextInt(5) != 0) {
            int i = rng.nextInt(tokens.size() - 1);
            return List.of(tokens.get(i), tokens.get(i + 1));
        }
        return List.of("x", "y");
    }

    private static String call(List<String> tokens, String left, String right) {
        return "merge(" + TokenSamples.show(tokens, 30) + ", " + TokenSamples.token(left) + ", "
                + TokenSamples.token(right) + ")";
    }

    private static CheckReport checkRound(CheckContext ctx, Method m, Function<Round, List<String>> learner,
                                          List<String> tokens, List<String> pair, boolean shrink) {
        String left = new String(pair.get(0));
        String right = new String(pair.get(1));
        List<String> want = merge(tokens, left, right, "");
        List<String> given = new ArrayList<>(tokens);
        String call = call(tokens, left, right);
        ctx.input(call);
        @SuppressWarnings("unchecked")
        List<String> got = (List<String>) ctx.call(m, given, left, right);
        if (want.equals(got)) {
            if (!given.equals(tokens)) {
                return CheckReport.fail("merge changed the token list it was given",
                        call + "\nthe list passed in now holds " + TokenSamples.show(given, 30)
                                + "\n\nLikely bug (mutates-input): " + explain("mutates-input"))
                        .withFirstDiff("the input list was modified").withLikelyBug("mutates-input");
            }
            return null;
        }
        if (shrink) {
            List<String> small = Shrink.list(tokens, l -> !merge(l, left, right, "").equals(learner.apply(new Round(l, pair))), 60);
            if (small.size() < tokens.size()) return checkRound(ctx, m, learner, TokenSamples.fresh(small), pair, false);
        }
        List<String> gotCopy = got == null ? null : new ArrayList<>(got);
        String diff = firstDiff(want, gotCopy);
        String details = call + "\nexpected: " + TokenSamples.show(want, 30) + "\ngot:      " + TokenSamples.show(gotCopy, 30)
                + "\n" + diff;
        CheckReport r = CheckReport.fail("merging " + TokenSamples.pair(pair) + " gives the wrong tokens", details)
                .withFirstDiff(diff);
        // Probes: a run of a's (overlaps, direction, the last token), a pair with a different right neighbour in
        // between ("abacab": checking only the left token shows, as does stopping after the first merge).
        List<Round> probes = List.of(new Round(tokens, pair), new Round(BpeReference.chars("aaab"), List.of("a", "a")),
                new Round(BpeReference.chars("abacab"), List.of("a", "b")), new Round(BpeReference.chars("xyz"), List.of("y", "z")));
        Diagnosis d = Diagnosis.exact();
        for (String v : VARIANTS) {
            d.suspect(v, explain(v), probes, learner, x -> merge(x.tokens(), x.pair().get(0), x.pair().get(1), v),
                    x -> merge(x.tokens(), x.pair().get(0), x.pair().get(1), ""));
        }
        return d.explain(r);
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
            case "first-only": return "only the first occurrence is merged; every occurrence of the pair must be, "
                    + "left to right (\"abacab\" with ('a', 'b') → [ab, a, c, ab]).";
            case "checks-left-only": return "only the left token is compared, so 'a' is joined with whatever follows "
                    + "it; both tokens[i].equals(left) and tokens[i + 1].equals(right) must hold.";
            case "mutates-input": return "the result is right, but the list passed in was changed (set/remove on it); "
                    + "build a new list — training still needs the old one to count from.";
            default: return bug;
        }
    }
}
