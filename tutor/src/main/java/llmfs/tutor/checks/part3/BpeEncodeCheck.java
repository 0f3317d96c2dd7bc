package llmfs.tutor.checks.part3;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;
import llmfs.tutor.checks.TextDisplay;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Exercise 3.4: encoding with learned merges (trained by the reference), on "low lower lowest", on texts without
 * merges, on random texts with words seen in training and characters never seen, and on Tiny Shakespeare.
 */
public final class BpeEncodeCheck implements ExerciseCheck {
    private static final int ROUNDS = 25;

    /** The reference, and the mistakes. */
    static List<String> encode(String text, List<List<String>> merges, String variant) {
        List<String> tokens = BpeReference.chars(text);
        int n = variant.equals("skips-last-merge") ? merges.size() - 1 : merges.size();
        for (int k = 0; k < n; k++) {
            List<String> pair = merges.get(variant.equals("reversed-order") ? merges.size() - 1 - k : k);
            tokens = variant.equals("first-occurrence-only") ? mergeFirst(tokens, pair.get(0), pair.get(1))
                    : BpeReference.merge(tokens, pair.get(0), pair.get(1));
        }
        return tokens;
    }

    private static List<String> mergeFirst(List<String> tokens, String left, String right) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).equals(left) && tokens.get(i + 1).equals(right)) {
                List<String> out = new ArrayList<>(tokens.subList(0, i));
                out.add(left + right);
                out.addAll(tokens.subList(i + 2, tokens.size()));
                return out;
            }
        }
        return tokens;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("BpeEncode");
        Method m = ctx.staticMethod(c, "encode", List.class, String.class, List.class);
        Rng rng = ctx.rng();
        for (int round = 0; round < ROUNDS; round++) {
            String training;
            String text;
            int merges;
            switch (round) {
                case 0 -> { // merges [(l,o), (lo,w), (␣,low), (␣low,e)]: each builds on the one before
                    training = "low lower lowest";
                    merges = 4;
                    text = "lowest lower";
                }
                case 1 -> {
                    training = "abc";
                    merges = 0;
                    text = "abcab";
                }
                case 2 -> {
                    training = "low lower lowest";
                    merges = 4;
                    text = "";
                }
                default -> {
                    training = TokenSamples.randomText(rng, 30);
                    merges = rng.nextInt(16);
                    text = remix(rng, training);
                }
            }
            CheckReport r = checkRound(ctx, m, TextDisplay.quote(training, 60), BpeReference.train(training, merges), text);
            if (r != null) return r;
        }
        String training = TokenSamples.shakespeare(rng, 10_000);
        List<List<String>> merges = BpeReference.train(training, 40);
        String line = "To be or not to be";
        String source = "a 10,000-character slice of Tiny Shakespeare";
        CheckReport r = checkRound(ctx, m, source, merges, line);
        if (r == null) r = checkRound(ctx, m, source, merges, TokenSamples.shakespeare(rng, 500));
        if (r != null) return r;
        return CheckReport.pass("encode matches the reference on " + ROUNDS + " texts and on Tiny Shakespeare: with "
                + "40 merges from a slice, \"" + line + "\" becomes " + TokenSamples.show(encode(line, merges, ""), 20));
    }

    /** Words of the training text in a new order, with an occasional character training never saw. */
    private static String remix(Rng rng, String training) {
        String[] words = training.split("[ \n]");
        StringBuilder sb = new StringBuilder();
        int n = 1 + rng.nextInt(8);
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(' ');
            sb.append(words[rng.nextInt(words.length)]);
            if (rng.nextInt(6) == 0) sb.append('Z');
        }
        return sb.toString();
    }

    /** One encoding; {@code source} says where the merges were learned, for the learner. */
    private static CheckReport checkRound(CheckContext ctx, Method m, String source, List<List<String>> merges, String text) {
        List<String> want = encode(text, merges, "");
        List<List<String>> given = new ArrayList<>();
        for (List<String> p : merges) given.add(List.of(new String(p.get(0)), new String(p.get(1))));
        @SuppressWarnings("unchecked")
        List<String> got = (List<String>) ctx.call(m, new String(text), List.copyOf(given));
        List<String> gotCopy = got == null ? null : new ArrayList<>(got);
        if (want.equals(gotCopy)) return null;
        Optional<String> bug = WrongVariants.catalogue()
                .add("reversed-order", () -> encode(text, merges, "reversed-order"))
                .add("skips-last-merge", () -> encode(text, merges, "skips-last-merge"))
                .add("first-occurrence-only", () -> encode(text, merges, "first-occurrence-only"))
                .match(gotCopy, 0, 0);
        String diff = MergePairCheck.firstDiff(want, gotCopy);
        String details = "encode(" + TextDisplay.quote(text, 60) + ", merges)\nmerges (learned from " + source + "): "
                + TokenSamples.pairs(merges, 8)
                + "\nexpected: " + TokenSamples.show(want, 20) + "\ngot:      " + TokenSamples.show(gotCopy, 20)
                + "\n" + diff + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
        return CheckReport.fail("the tokens of " + TextDisplay.quote(text, 30) + " differ from the reference", details)
                .withFirstDiff(diff).withLikelyBug(bug.orElse(null));
    }

    static String explain(String bug) {
        switch (bug) {
            case "reversed-order": return "the merges are applied last-learned first; a later merge such as "
                    + "('lo', 'w') needs 'lo' to exist already, so apply them in the order they were learned.";
            case "skips-last-merge": return "the last merge is never applied: the loop stops one early (< size() - 1).";
            case "first-occurrence-only": return "each merge replaces only its first occurrence; it must replace every "
                    + "occurrence in the text, left to right.";
            default: return bug;
        }
    }
}
