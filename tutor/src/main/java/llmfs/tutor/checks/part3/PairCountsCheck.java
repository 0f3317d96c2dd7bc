package llmfs.tutor.checks.part3;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.Diagnosis;
import llmfs.tutor.check.Shrink;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
        int i = 0;
        while (i < last) {
            List<String> pair = List.of(tokens.get(i), tokens.get(i + 1));
            switch (variant) {
                case "counts-always-one" -> counts.put(pair, 1);
                case "last-occurrence-order" -> {
                    Integer seen = counts.remove(pair);
                    counts.put(pair, seen == null ? 1 : seen + 1);
                }
                default -> counts.merge(pair, 1, Integer::sum);
            }
            boolean skip = variant.equals("step-two") || variant.equals("runs-counted-once") && pair.get(0).equals(pair.get(1));
            i += skip ? 2 : 1;
        }
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

    private static final List<String> VARIANTS = List.of("skips-last-pair", "step-two", "hashmap-order",
            "counts-always-one", "runs-counted-once", "last-occurrence-order");

    /**
     * Fixed rounds, smallest first: no tokens, one, one pair, a run of three (overlapping pairs), a pair that comes
     * back after others, multi-character tokens, capitals and an emoji (its two chars are two tokens here), then
     * "low lower lowest".
     */
    static final List<List<String>> EDGES = List.of(List.of(), List.of("the"), List.of("a", "a"),
            List.of("a", "a", "a"), BpeReference.chars("aaab"), BpeReference.chars("abcab"),
            List.of("lo", "w", " ", "lo", "w", "er"), BpeReference.chars("A\uD83D\uDE00A\uD83D\uDE00"),
            BpeReference.chars("low lower lowest"));

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("PairCounts");
        Method m = ctx.staticMethod(c, "counts", Map.class, List.class);
        Rng rng = ctx.rng();
        Function<List<String>, Map<List<String>, Integer>> learner = tokens -> {
            ctx.input("counts(" + TokenSamples.show(tokens, 30) + ")");
            @SuppressWarnings("unchecked")
            Map<List<String>, Integer> got = (Map<List<String>, Integer>) ctx.call(m, new ArrayList<>(TokenSamples.fresh(tokens)));
            return got;
        };
        for (int round = 0; round < EDGES.size() + ROUNDS; round++) {
            List<String> tokens = round < EDGES.size() ? EDGES.get(round) : TokenSamples.randomTokens(rng);
            CheckReport r = checkRound(ctx, m, learner, TokenSamples.fresh(tokens), round >= EDGES.size());
            if (r != null) return r;
        }
        return CheckReport.pass("pair counts and their first-occurrence order match the reference on " + EDGES.size()
                + " edge cases and " + ROUNDS + " random token lists (\"low lower lowest\": ('l', 'o')=3 first, "
                + "('s', 't')=1 last; [a, a, a, b]: ('a', 'a')=2)");
    }

    private static boolean wrong(List<String> tokens, Function<List<String>, Map<List<String>, Integer>> learner) {
        Map<List<String>, Integer> got = learner.apply(tokens);
        return got == null || !entries(counts(tokens, "")).equals(entries(got));
    }

    private static CheckReport checkRound(CheckContext ctx, Method m,
                                          Function<List<String>, Map<List<String>, Integer>> learner,
                                          List<String> tokens, boolean shrink) {
        Map<List<String>, Integer> want = counts(tokens, "");
        List<String> given = new ArrayList<>(tokens);
        ctx.input("counts(" + TokenSamples.show(tokens, 30) + ")");
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
        if (shrink) {
            List<String> small = Shrink.list(tokens, l -> wrong(l, learner), 60);
            if (small.size() < tokens.size()) return checkRound(ctx, m, learner, TokenSamples.fresh(small), false);
        }
        boolean sameContent = new HashMap<>(want).equals(new HashMap<>(got));
        String headline = sameContent ? "the counts are right, but not in the order the pairs first occur"
                : "the pair counts differ from the reference";
        String diff = sameContent ? firstOrderDiff(wantEntries, gotEntries) : firstCountDiff(want, got);
        String details = "tokens:   " + TokenSamples.show(tokens, 40)
                + "\nexpected: " + TokenSamples.counts(want, 12)
                + "\ngot:      " + TokenSamples.counts(got, 12) + "\n" + diff;
        CheckReport r = CheckReport.fail(headline, details).withFirstDiff(diff);
        // Probes: a run followed by a repeated pair (overlaps, repeats, order of first vs last occurrence),
        // three different tokens (every pair position), and many pairs (where a HashMap's order shows).
        List<List<String>> probes = List.of(tokens, BpeReference.chars("aaabab"), BpeReference.chars("xyz"),
                BpeReference.chars("the cat sat on a mat"));
        Diagnosis d = Diagnosis.exact();
        for (String v : VARIANTS) {
            d.suspect(v, explain(v), probes, l -> entries(learner.apply(l)), l -> entries(counts(l, v)),
                    l -> entries(counts(l, "")));
        }
        return d.explain(r);
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
            case "counts-always-one": return "every pair gets the count 1: put(pair, 1) overwrites the count each "
                    + "time; add one to what is there, e.g. counts.merge(pair, 1, Integer::sum).";
            case "runs-counted-once": return "after a pair of equal tokens the loop jumps by 2, so [a, a, a] counts "
                    + "('a', 'a') once; counting is not merging — every neighbouring pair counts, overlaps included.";
            case "last-occurrence-order": return "a pair is removed and put back when it is counted again, so it moves "
                    + "to the end: the map ends up in order of last occurrence. Update the count in place; a "
                    + "LinkedHashMap keeps the first-occurrence order that ties depend on.";
            default: return bug;
        }
    }
}
