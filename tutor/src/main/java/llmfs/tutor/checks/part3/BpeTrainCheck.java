package llmfs.tutor.checks.part3;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;
import llmfs.tutor.checks.TextDisplay;
import llmfs.tutor.checks.part3.BpeReference.Tie;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exercise 3.3: the learned merges, in order, on a text whose ties tell the tie-breaks apart, on texts that run
 * out of pairs, on random texts and on a 5,000-character slice of Tiny Shakespeare.
 */
public final class BpeTrainCheck implements ExerciseCheck {
    private static final int ROUNDS = 25;
    private static final int SLICE = 5000;
    private static final int SLICE_MERGES = 25;

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("BpeTrain");
        Method m = ctx.staticMethod(c, "train", List.class, String.class, int.class);
        Rng rng = ctx.rng();
        for (int round = 0; round < ROUNDS; round++) {
            String text;
            int merges;
            switch (round) {
                case 0 -> { // several ties: first, last and alphabetical choices all differ
                    text = "hug pug pun bun hugs";
                    merges = 4;
                }
                case 1 -> { // runs out of pairs after 2 merges: aa aa, then aaaa
                    text = "aaaa";
                    merges = 5;
                }
                case 2 -> {
                    text = "";
                    merges = 3;
                }
                case 3 -> {
                    text = "low lower lowest";
                    merges = 0;
                }
                default -> {
                    text = TokenSamples.randomText(rng, 30);
                    merges = rng.nextInt(16);
                }
            }
            CheckReport r = checkRound(ctx, m, text, merges);
            if (r != null) return r;
        }
        String slice = TokenSamples.shakespeare(rng, SLICE);
        CheckReport r = checkRound(ctx, m, slice, SLICE_MERGES);
        if (r != null) return r;
        List<List<String>> learned = BpeReference.train(slice, SLICE_MERGES);
        return CheckReport.pass("the merges match the reference on " + ROUNDS + " texts, ties going to the pair that "
                + "occurs first, and on " + SLICE_MERGES + " merges of a " + String.format("%,d", SLICE)
                + "-character slice of Tiny Shakespeare: " + TokenSamples.pairs(learned, 4));
    }

    private static CheckReport checkRound(CheckContext ctx, Method m, String text, int merges) {
        List<List<String>> want = BpeReference.train(text, merges);
        @SuppressWarnings("unchecked")
        List<List<String>> got = (List<List<String>>) ctx.call(m, new String(text), merges);
        List<List<String>> gotCopy = copy(got);
        if (want.equals(gotCopy)) return null;
        Optional<String> bug = WrongVariants.catalogue()
                .add("last-of-ties", () -> BpeReference.train(text, merges, Tie.LAST_OCCURRENCE))
                .add("alphabetical-ties", () -> BpeReference.train(text, merges, Tie.ALPHABETICAL))
                .add("one-extra-merge", () -> BpeReference.train(text, merges + 1))
                .match(gotCopy, 0, 0);
        int k = 0;
        while (gotCopy != null && k < Math.min(want.size(), gotCopy.size()) && want.get(k).equals(gotCopy.get(k))) k++;
        String diff;
        String state = "";
        if (gotCopy == null) {
            diff = "train returned null";
        } else if (k < Math.min(want.size(), gotCopy.size())) {
            diff = "merge " + k + ": expected " + TokenSamples.pair(want.get(k)) + " but got " + TokenSamples.pair(gotCopy.get(k));
            Map<List<String>, Integer> counts = BpeReference.counts(BpeReference.tokensAfter(text, want, k));
            state = "\nthe most frequent pairs at that step, in order of first occurrence: " + top(counts);
        } else {
            diff = "expected " + want.size() + " merges but got " + gotCopy.size();
        }
        String details = "train(" + TextDisplay.quote(text, 60) + ", " + merges + ")"
                + "\nexpected: " + TokenSamples.pairs(want, 8) + "\ngot:      " + TokenSamples.pairs(gotCopy, 8)
                + "\n" + diff + state + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
        return CheckReport.fail("the merges learned differ from the reference", details)
                .withFirstDiff(diff).withLikelyBug(bug.orElse(null));
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
        return TokenSamples.counts(best, 6) + (best.size() > 1 ? "  — tied; the first one wins" : "");
    }

    static String explain(String bug) {
        switch (bug) {
            case "last-of-ties": return "on a tie the pair met last wins: the comparison is >= (or the max is taken "
                    + "from the end). Replace the best pair only on a strictly greater count, so the earliest stays.";
            case "alphabetical-ties": return "on a tie the alphabetically smallest pair wins; the rule is the pair "
                    + "that occurs first in the text, which is the first one in the counts map.";
            case "one-extra-merge": return "one merge too many is learned: the loop runs merges + 1 times (<= instead "
                    + "of <).";
            default: return bug;
        }
    }
}
