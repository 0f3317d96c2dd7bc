package llmfs.tutor.checks.part3;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exercise 3.1: pair counts on "low lower lowest", on overlapping runs, on empty and one-token lists and on random
 * token lists; both the counts and their first-occurrence order must match.
 */
public final class PairCountsCheck implements ExerciseCheck {
    private static final int ROUNDS = 30;

    /** The reference, and the mistakes that change which positions are counted or the order. */
    static Map<List<String>, Integer> counts(List<String> tokens, String variant) {
        Map<List<String>, Integer> counts = variant.equals("hashmap-order") ? new HashMap<>() : new LinkedHashMap<>();
        int last = variant.equals("skips-last-pair") ? tokens.size() - 2 : tokens.size() - 1;
        int step = variant.equals("step-two") ? 2 : 1;
        for (int i = 0; i < last; i += step) counts.merge(List.of(tokens.get(i), tokens.get(i + 1)), 1, Integer::sum);
        return counts;
    }

    /** The entries in iteration order, as comparable values: [[left, right], count], ... */
    private static List<List<Object>> entries(Map<List<String>, Integer> counts) {
        List<List<Object>> out = new ArrayList<>();
        for (Map.Entry<List<String>, Integer> e : counts.entrySet()) {
            List<String> key = e.getKey() == null ? null : new ArrayList<>(e.getKey());
            List<Object> entry = new ArrayList<>();
            entry.add(key);
            entry.add(e.getValue());
            out.add(entry);
        }
        return out;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("PairCounts");
        Method m = ctx.staticMethod(c, "counts", Map.class, List.class);
        Rng rng = ctx.rng();
        for (int round = 0; round < ROUNDS; round++) {
            List<String> tokens = switch (round) {
                case 0 -> BpeReference.chars("low lower lowest");
                case 1 -> BpeReference.chars("aaab"); // (a, a) twice: overlaps count
                case 2 -> List.of();
                case 3 -> List.of("the");
                default -> TokenSamples.randomTokens(rng);
            };
            CheckReport r = checkRound(ctx, m, TokenSamples.fresh(tokens));
            if (r != null) return r;
        }
        return CheckReport.pass("pair counts and their first-occurrence order match the reference on " + ROUNDS
                + " token lists (\"low lower lowest\": ('l', 'o')=3 first, ('s', 't')=1 last; [a, a, a, b]: "
                + "('a', 'a')=2)");
    }

    private static CheckReport checkRound(CheckContext ctx, Method m, List<String> tokens) {
        Map<List<String>, Integer> want = counts(tokens, "");
        List<String> given = new ArrayList<>(tokens);
        @SuppressWarnings("unchecked")
        Map<List<String>, Integer> got = (Map<List<String>, Integer>) ctx.call(m, given);
        if (got == null) {
            return CheckReport.fail("counts returned null", "tokens: " + TokenSamples.show(tokens, 40)
                    + "\nReturn the map you filled, even when it is empty.");
        }
        List<List<Object>> wantEntries = entries(want);
        List<List<Object>> gotEntries = entries(got);
        if (wantEntries.equals(gotEntries)) {
            if (!given.equals(tokens)) {
                return CheckReport.fail("counts changed the token list it was given",
                        "tokens before: " + TokenSamples.show(tokens, 40) + "\ntokens after:  " + TokenSamples.show(given, 40)
                                + "\nOnly read the list; the next steps still need it.");
            }
            return null;
        }
        Optional<String> bug = WrongVariants.catalogue()
                .add("skips-last-pair", () -> entries(counts(tokens, "skips-last-pair")))
                .add("step-two", () -> entries(counts(tokens, "step-two")))
                .add("hashmap-order", () -> entries(counts(tokens, "hashmap-order")))
                .match(gotEntries, 0, 0);
        boolean sameContent = new HashMap<>(want).equals(new HashMap<>(got));
        String headline = sameContent ? "the counts are right, but not in the order the pairs first occur"
                : "the pair counts differ from the reference";
        String diff = sameContent ? firstOrderDiff(wantEntries, gotEntries) : firstCountDiff(want, got);
        String details = "tokens:   " + TokenSamples.show(tokens, 40)
                + "\nexpected: " + TokenSamples.counts(want, 12)
                + "\ngot:      " + TokenSamples.counts(got, 12) + "\n" + diff
                + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
        return CheckReport.fail(headline, details).withFirstDiff(diff).withLikelyBug(bug.orElse(null));
    }

    private static String firstOrderDiff(List<List<Object>> want, List<List<Object>> got) {
        for (int i = 0; i < want.size(); i++) {
            if (!want.get(i).equals(got.get(i))) {
                @SuppressWarnings("unchecked")
                List<String> w = (List<String>) want.get(i).get(0);
                @SuppressWarnings("unchecked")
                List<String> g = (List<String>) got.get(i).get(0);
                return "entry " + i + ": expected " + TokenSamples.pair(w) + " but got " + TokenSamples.pair(g);
            }
        }
        return "the entries are in a different order";
    }

    private static String firstCountDiff(Map<List<String>, Integer> want, Map<List<String>, Integer> got) {
        for (Map.Entry<List<String>, Integer> e : want.entrySet()) {
            Integer g = got.get(e.getKey());
            if (g == null) {
                return TokenSamples.pair(e.getKey()) + " is missing (it occurs " + (e.getValue() == 1 ? "once)" : e.getValue() + " times)");
            }
            if (!g.equals(e.getValue())) {
                return TokenSamples.pair(e.getKey()) + ": expected " + e.getValue() + " but got " + g;
            }
        }
        for (List<String> k : got.keySet()) {
            if (!want.containsKey(k)) return TokenSamples.pair(k == null ? null : new ArrayList<>(k)) + " is not a pair of neighbours";
        }
        return "expected " + want.size() + " pairs but got " + got.size();
    }

    static String explain(String bug) {
        switch (bug) {
            case "skips-last-pair": return "the last pair of the list is never counted; the loop must run while "
                    + "i + 1 < tokens.size(), so the final pair (second-to-last, last) is included.";
            case "step-two": return "i advances by 2, so only every other pair is counted; pairs overlap (in "
                    + "[a, b, c] both (a, b) and (b, c) count), so advance by 1.";
            case "hashmap-order": return "a HashMap iterates in its own order; use a LinkedHashMap so the pairs come "
                    + "in the order they first occur (the tie-break in training depends on it).";
            default: return bug;
        }
    }
}
