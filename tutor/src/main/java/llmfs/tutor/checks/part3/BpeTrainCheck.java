package llmfs.tutor.checks.part3;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.Diagnosis;
import llmfs.tutor.check.LearnerException;
import llmfs.tutor.checks.TextDisplay;
import llmfs.tutor.checks.part3.BpeReference.Tie;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Exercise 3.3: the learned merges, in order, on a text whose ties tell the tie-breaks apart, on texts that run
 * out of pairs, on random texts and on a 5,000-character slice of Tiny Shakespeare.
 */
public final class BpeTrainCheck implements ExerciseCheck {
    private static final int ROUNDS = 25;
    private static final int SLICE = 5000;
    private static final int SLICE_MERGES = 25;

    private static final List<String> VARIANTS = List.of("last-of-ties", "alphabetical-ties", "one-extra-merge",
            "stale-counts", "merge-result-ignored", "stops-at-count-one");

    /** One training call. */
    private record Round(String text, int merges) {
        String show() {
            return "train(" + TextDisplay.quote(text, 60) + ", " + merges + ")";
        }
    }

    /**
     * Fixed rounds, smallest first: an empty text, one character, one pair, a text that runs out of pairs, pairs
     * that all occur once, a text whose learned merge order differs from its first pair counts' order ("aaab
     * aaab": (a, a) first, then (aa, a), not (a, b)), ties ("hug pug pun bun hugs"), no merges asked for, and
     * capitals, accents and an emoji.
     */
    private static final List<Round> EDGES = List.of(new Round("", 3), new Round("a", 2), new Round("ab", 1),
            new Round("aaaa", 5), new Round("abcd", 2), new Round("aaab aaab", 3), new Round("hug pug pun bun hugs", 4),
            new Round("low lower lowest", 0), new Round("Ünï \uD83D\uDE00\uD83D\uDE00 Ünï", 4));

    /** Training as the reference does it (variant "") or as a known mistake does. */
    static List<List<String>> train(String text, int merges, String variant) {
        switch (variant) {
            case "last-of-ties": return BpeReference.train(text, merges, Tie.LAST_OCCURRENCE);
            case "alphabetical-ties": return BpeReference.train(text, merges, Tie.ALPHABETICAL);
            case "one-extra-merge": return BpeReference.train(text, merges + 1);
            default: break;
        }
        List<String> tokens = BpeReference.chars(text);
        Map<List<String>, Integer> counts = BpeReference.counts(tokens);
        List<List<String>> learned = new ArrayList<>();
        for (int step = 0; step < merges; step++) {
            if (!variant.equals("stale-counts")) counts = BpeReference.counts(tokens);
            List<String> best = BpeReference.best(counts, Tie.FIRST_OCCURRENCE);
            if (best == null) break;
            if (variant.equals("stops-at-count-one") && counts.get(best) < 2) break;
            learned.add(best);
            if (variant.equals("stale-counts")) counts.remove(best);
            if (!variant.equals("merge-result-ignored")) tokens = BpeReference.merge(tokens, best.get(0), best.get(1));
        }
        return learned;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("BpeTrain");
        Method m = ctx.staticMethod(c, "train", List.class, String.class, int.class);
        Rng rng = ctx.rng();
        Function<Round, List<List<String>>> learner = q -> {
            ctx.input(q.show());
            @SuppressWarnings("unchecked")
            List<List<String>> got = (List<List<String>>) ctx.call(m, new String(q.text()), q.merges());
            return copy(got);
        };
        List<Round> rounds = new ArrayList<>(EDGES);
        for (int round = 0; round < ROUNDS; round++) rounds.add(new Round(TokenSamples.randomText(rng, 30), rng.nextInt(16)));
        rounds.add(new Round(TokenSamples.shakespeare(rng, SLICE), SLICE_MERGES));
        for (Round q : rounds) {
            CheckReport r = checkRound(learner, q);
            if (r != null) return r;
        }
        Round last = rounds.get(rounds.size() - 1);
        List<List<String>> learned = BpeReference.train(last.text(), SLICE_MERGES);
        return CheckReport.pass("the merges match the reference on " + EDGES.size() + " edge cases and " + ROUNDS
                + " random texts, ties going to the pair that occurs first, and on " + SLICE_MERGES + " merges of a "
                + String.format("%,d", SLICE) + "-character slice of Tiny Shakespeare: " + TokenSamples.pairs(learned, 4));
    }

    private static CheckReport checkRound(Function<Round, List<List<String>>> learner, Round q) {
        String text = q.text();
        int merges = q.merges();
        List<List<String>> want = BpeReference.train(text, merges);
        List<List<String>> gotCopy;
        try {
            gotCopy = learner.apply(q);
        } catch (LearnerException e) {
            // A crash is named only when a probe confirms its cause; otherwise it is shown as the exception it is.
            Optional<Diagnosis.Found> f = Diagnosis.exact().suspect("no-stop-when-done", explain("no-stop-when-done"),
                    () -> want.size() < merges && crashes(learner, new Round("aaaa", 5))
                            && BpeReference.train("aaaa", 2).equals(learner.apply(new Round("aaaa", 2)))).find();
            if (f.isEmpty()) throw e;
            return f.get().explain(CheckReport.fail(q.show() + " threw " + e.thrown(),
                    q.show() + " can make only " + want.size() + " merges: " + TokenSamples.pairs(want, 8)
                            + "\nyour code threw " + e.thrown()).withFirstDiff(e.thrown().toString()));
        }
        if (want.equals(gotCopy)) return null;
        int k = 0;
        while (gotCopy != null && k < Math.min(want.size(), gotCopy.size()) && want.get(k).equals(gotCopy.get(k))) k++;
        String diff;
        String state = "";
        if (gotCopy == null) {
            diff = "train returned null";
        } else if (k < Math.min(want.size(), gotCopy.size())) {
            diff = "merge " + k + ": expected " + TokenSamples.pair(want.get(k)) + " but got " + TokenSamples.pair(gotCopy.get(k));
            Map<List<String>, Integer> counts = BpeReference.counts(BpeReference.tokensAfter(text, want, k));
            state = "\n" + state(counts, gotCopy.get(k));
        } else {
            diff = "expected " + want.size() + " merges but got " + gotCopy.size();
        }
        String details = q.show() + "\nexpected: " + TokenSamples.pairs(want, 8) + "\ngot:      "
                + TokenSamples.pairs(gotCopy, 8) + "\n" + diff + state;
        CheckReport r = CheckReport.fail("the merges learned differ from the reference", details).withFirstDiff(diff);
        List<Round> probes = List.of(q, new Round("hug pug pun bun hugs", 4), new Round("aaab aaab", 3),
                new Round("abcd", 2));
        Diagnosis d = Diagnosis.exact();
        for (String v : VARIANTS) {
            d.suspect(v, explain(v), probes, learner, x -> train(x.text(), x.merges(), v),
                    x -> train(x.text(), x.merges(), ""));
        }
        return d.explain(r);
    }

    private static boolean crashes(Function<Round, List<List<String>>> learner, Round q) {
        try {
            learner.apply(q);
            return false;
        } catch (LearnerException e) {
            return e.thrown() instanceof NullPointerException;
        }
    }

    /**
     * The pairs with the highest count at the step where the merges part, and where the learner's pair stands:
     * "tied" is said only when the learner's pair really has the top count (a stale or wrong count is not a tie).
     */
    private static String state(Map<List<String>, Integer> counts, List<String> chosen) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Integer mine = chosen == null ? null : counts.get(chosen);
        String top = "the most frequent pairs at that step, in order of first occurrence: " + top(counts);
        if (mine != null && mine == max && max > 0) return top + "  — tied; the first one wins";
        return top + "\nyour pair " + TokenSamples.pair(chosen) + (mine == null ? " does not occur in the tokens at that "
                + "step" : " occurs " + (mine == 1 ? "once" : mine + " times") + " at that step");
    }

    /** The learner's result as plain lists, so it compares by value whatever list classes were used. */
    private static List<List<String>> copy(List<List<String>> got) {
        if (got == null) return null;
        List<List<String>> out = new ArrayList<>();
        for (List<String> p : got) out.add(p == null ? null : new ArrayList<>(p));
        return out;
    }

    /** The pairs that share the highest count (up to 6), e.g. {@code ('u', 'g')=3  ('h', 'u')=2}. */
    private static String top(Map<List<String>, Integer> counts) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<List<String>, Integer> best = new LinkedHashMap<>();
        for (Map.Entry<List<String>, Integer> e : counts.entrySet()) {
            if (e.getValue() == max && best.size() < 6) best.put(e.getKey(), e.getValue());
        }
        return TokenSamples.counts(best, 6);
    }

    static String explain(String bug) {
        switch (bug) {
            case "last-of-ties": return "on a tie the pair met last wins: the comparison is >= (or the max is taken "
                    + "from the end). Replace the best pair only on a strictly greater count, so the earliest stays.";
            case "alphabetical-ties": return "on a tie the alphabetically smallest pair wins; the rule is the pair "
                    + "that occurs first in the text, which is the first one in the counts map.";
            case "one-extra-merge": return "one merge too many is learned: the loop runs merges + 1 times (<= instead "
                    + "of <).";
            case "stale-counts": return "the pairs are counted once, before the first merge, and never again; after "
                    + "each merge the tokens change (\"aaab aaab\": after (a, a) the pair (aa, a) is the most frequent), "
                    + "so count the pairs of the current tokens at every step.";
            case "merge-result-ignored": return "merge returns a new list, but its result is not kept, so the same pair "
                    + "is chosen again and again; write tokens = merge(tokens, left, right).";
            case "stops-at-count-one": return "training stops when the best pair occurs only once; the course's BPE "
                    + "keeps merging until it has the merges asked for or no pair is left (\"abcd\" with 2 merges "
                    + "learns (a, b) and then (ab, c)).";
            case "no-stop-when-done": return "when a single token is left there is no pair to merge and the best pair "
                    + "is null; stop the loop then (if (counts.isEmpty()) break;) — \"aaaa\" allows only 2 merges.";
            default: return bug;
        }
    }
}
