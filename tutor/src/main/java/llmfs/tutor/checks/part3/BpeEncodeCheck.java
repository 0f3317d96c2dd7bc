package llmfs.tutor.checks.part3;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.Diagnosis;
import llmfs.tutor.checks.TextDisplay;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Exercise 3.4: encoding with learned merges (trained by the reference), on "low lower lowest", on texts without
 * merges, on random texts with words seen in training and characters never seen, and on Tiny Shakespeare.
 */
public final class BpeEncodeCheck implements ExerciseCheck {
    private static final int ROUNDS = 25;

    /** The reference, and the mistakes. */
    static List<String> encode(String text, List<List<String>> merges, String variant) {
        if (variant.equals("drops-spaces")) {
            List<String> all = new ArrayList<>();
            for (String word : text.split(" ")) all.addAll(encode(word, merges, ""));
            return all;
        }
        List<String> tokens = BpeReference.chars(text);
        if (variant.equals("merge-result-ignored")) return tokens;
        int n = variant.equals("skips-last-merge") ? merges.size() - 1 : merges.size();
        for (int k = 0; k < n; k++) {
            List<String> pair = merges.get(variant.equals("reversed-order") ? merges.size() - 1 - k : k);
            List<String> next = variant.equals("first-occurrence-only") ? mergeFirst(tokens, pair.get(0), pair.get(1))
                    : BpeReference.merge(tokens, pair.get(0), pair.get(1));
            if (variant.equals("stops-at-unused-merge") && next.size() == tokens.size()) break;
            tokens = next;
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

    private static final List<String> VARIANTS = List.of("reversed-order", "skips-last-merge", "first-occurrence-only",
            "merge-result-ignored", "stops-at-unused-merge", "drops-spaces");

    /** One encoding: the text, the merges, and where the merges came from (for the learner). */
    private record Round(String text, List<List<String>> merges, String source) {
    }

    private static List<List<String>> pairs(String... flat) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < flat.length; i += 2) out.add(List.of(flat[i], flat[i + 1]));
        return out;
    }

    /**
     * Fixed rounds, smallest first: an empty text, no merges, characters never seen in training, a merge that
     * does not apply followed by one that does, two merges that spell the same string ("abc" from (ab, c) and
     * from (a, bc)), merges that cross a space, an emoji, and "lowest lower" with merges that build on each other.
     */
    private static final List<Round> EDGES = List.of(
            new Round("", pairs("l", "o", "lo", "w"), "a list"),
            new Round("ab", List.of(), "no merges"),
            new Round("xyz", pairs("l", "o"), "a list"),
            new Round("low", pairs("x", "y", "l", "o"), "a list"),
            new Round("abc bc", pairs("a", "b", "b", "c", "ab", "c", "a", "bc"), "a list"),
            new Round("he the", pairs("e", " ", "h", "e", "t", "he "), "a list"),
            new Round("\uD83D\uDE00a\uD83D\uDE00", pairs("\uD83D", "\uDE00", "\uD83D\uDE00", "a"), "a list"),
            new Round("lowest lower", BpeReference.train("low lower lowest", 4), "\"low lower lowest\""));

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("BpeEncode");
        Method m = ctx.staticMethod(c, "encode", List.class, String.class, List.class);
        Rng rng = ctx.rng();
        Function<Round, List<String>> learner = q -> {
            List<List<String>> given = new ArrayList<>();
            for (List<String> p : q.merges()) given.add(List.of(new String(p.get(0)), new String(p.get(1))));
            ctx.input("encode(" + TextDisplay.quote(q.text(), 60) + ", " + TokenSamples.pairs(q.merges(), 8) + ")");
            @SuppressWarnings("unchecked")
            List<String> got = (List<String>) ctx.call(m, new String(q.text()), List.copyOf(given));
            return got == null ? null : new ArrayList<>(got);
        };
        List<Round> rounds = new ArrayList<>(EDGES);
        for (int round = 0; round < ROUNDS; round++) {
            String training = TokenSamples.randomText(rng, 30);
            rounds.add(new Round(remix(rng, training), BpeReference.train(training, rng.nextInt(16)),
                    TextDisplay.quote(training, 60)));
        }
        String training = TokenSamples.shakespeare(rng, 10_000);
        List<List<String>> merges = BpeReference.train(training, 40);
        String line = "To be or not to be";
        String source = "a 10,000-character slice of Tiny Shakespeare";
        rounds.add(new Round(line, merges, source));
        rounds.add(new Round(TokenSamples.shakespeare(rng, 500), merges, source));
        for (Round q : rounds) {
            CheckReport r = checkRound(learner, q);
            if (r != null) return r;
        }
        return CheckReport.pass("encode matches the reference on " + EDGES.size() + " edge cases, " + ROUNDS
                + " random texts and on Tiny Shakespeare: with 40 merges from a slice, \"" + line + "\" becomes "
                + TokenSamples.show(encode(line, merges, ""), 20));
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

    /** One encoding, judged, with the mistake named when the probes confirm it. */
    private static CheckReport checkRound(Function<Round, List<String>> learner, Round q) {
        String text = q.text();
        List<List<String>> merges = q.merges();
        List<String> want = encode(text, merges, "");
        List<String> gotCopy = learner.apply(q);
        if (want.equals(gotCopy)) return null;
        String diff = MergePairCheck.firstDiff(want, gotCopy);
        String details = "encode(" + TextDisplay.quote(text, 60) + ", merges)\nmerges (learned from " + q.source()
                + "): " + TokenSamples.pairs(merges, 8)
                + "\nexpected: " + TokenSamples.show(want, 20) + "\ngot:      " + TokenSamples.show(gotCopy, 20)
                + "\n" + diff;
        CheckReport r = CheckReport.fail("the tokens of " + TextDisplay.quote(text, 30) + " differ from the reference",
                details).withFirstDiff(diff);
        // Probes: merges that build on each other, with an unused one in the middle, on two words (order,
        // the last merge, every occurrence, a skipped merge and words encoded apart all give different tokens).
        List<List<String>> chain = pairs("l", "o", "x", "q", "lo", "w", " ", "low", "o", "w");
        List<Round> probes = List.of(q, new Round("low low ow", chain, "a list"),
                new Round("lowlow", pairs("l", "o", "lo", "w"), "a list"));
        Diagnosis d = Diagnosis.exact();
        for (String v : VARIANTS) {
            d.suspect(v, explain(v), probes, learner, x -> encode(x.text(), x.merges(), v),
                    x -> encode(x.text(), x.merges(), ""));
        }
        return d.explain(r);
    }

    static String explain(String bug) {
        switch (bug) {
            case "reversed-order": return "the merges are applied last-learned first; a later merge such as "
                    + "('lo', 'w') needs 'lo' to exist already, so apply them in the order they were learned.";
            case "skips-last-merge": return "the last merge is never applied: the loop stops one early (< size() - 1).";
            case "first-occurrence-only": return "each merge replaces only its first occurrence; it must replace every "
                    + "occurrence in the text, left to right.";
            case "merge-result-ignored": return "merge returns a new list, but its result is not kept, so the text "
                    + "stays as single characters; write tokens = merge(tokens, left, right).";
            case "stops-at-unused-merge": return "encoding stops at the first merge that changes nothing; a merge that "
                    + "does not occur in this text says nothing about the later ones — apply every merge.";
            case "drops-spaces": return "the text is split into words and encoded word by word, which loses the "
                    + "spaces and every merge that contains one (such as ('e', ' ')); encode the whole text as it is.";
            default: return bug;
        }
    }
}
