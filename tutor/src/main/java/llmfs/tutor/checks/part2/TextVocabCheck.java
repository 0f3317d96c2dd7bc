package llmfs.tutor.checks.part2;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.Comparison;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;
import llmfs.tutor.checks.TextDisplay;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;

/**
 * Exercise 2.1: {@code alphabet} (sorted distinct characters) and {@code encode} (index in the alphabet, or the
 * unknown id) on random mixed-case text with punctuation and newlines, then on Tiny Shakespeare itself.
 */
public final class TextVocabCheck implements ExerciseCheck {
    private static final int ROUNDS = 25;

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("TextVocab");
        Method alphabet = ctx.staticMethod(c, "alphabet", char[].class, String.class);
        Method encode = ctx.staticMethod(c, "encode", int[].class, String.class, char[].class, int.class);
        Rng rng = ctx.rng();

        for (int round = 0; round < ROUNDS; round++) {
            String text = round == 0 ? "hello, world\n" : round == 1 ? "" : TextSamples.randomText(rng, 60);
            CheckReport r = checkAlphabet(ctx, alphabet, text);
            if (r != null) return r;
        }
        for (int round = 0; round < ROUNDS; round++) {
            String known = round == 0 ? "hello, world\n" : TextSamples.randomText(rng, 40);
            char[] alpha = TextSamples.alphabet(known);
            // Text drawn from a wider pool than the alphabet, so some characters are unknown.
            String text = round == 0 ? "Hello, world!\n" : round == 1 ? "" : mix(rng, known, TextSamples.randomText(rng, 30));
            int unknownId = round == 0 ? alpha.length : rng.nextInt(2) == 0 ? alpha.length : 1 + rng.nextInt(100);
            CheckReport r = checkEncode(ctx, encode, text, alpha, unknownId);
            if (r != null) return r;
        }

        String shakespeare = TextSamples.shakespeare();
        CheckReport r = checkAlphabet(ctx, alphabet, shakespeare);
        if (r != null) return r;
        char[] full = TextSamples.alphabet(shakespeare);
        int start = rng.nextInt(shakespeare.length() - 2000);
        String slice = shakespeare.substring(start, start + 2000);
        r = checkEncode(ctx, encode, slice, full, full.length);
        if (r != null) return r;
        // An alphabet from a short slice lacks some characters of a later one: those must become the unknown id.
        char[] small = TextSamples.alphabet(shakespeare.substring(start, start + 60));
        r = checkEncode(ctx, encode, slice, small, small.length);
        if (r != null) return r;

        return CheckReport.pass("alphabet and encode match the reference on " + ROUNDS + " random texts each, and "
                + "Tiny Shakespeare's alphabet has its " + full.length + " characters, from \\n (id 0) and space "
                + "(id 1) to z (id " + (full.length - 1) + ")");
    }

    private static CheckReport checkAlphabet(CheckContext ctx, Method alphabet, String text) {
        char[] want = TextSamples.alphabet(text);
        char[] got = (char[]) ctx.call(alphabet, text);
        if (Arrays.equals(want, got)) return null;
        Optional<String> bug = WrongVariants.catalogue()
                .add("unsorted", () -> firstSeenOrder(text))
                .add("duplicates", () -> {
                    char[] all = text.toCharArray();
                    Arrays.sort(all);
                    return all;
                })
                .match(got, 0, 0);
        String diff = firstDiff(want, got);
        String details = "text:     " + TextDisplay.quote(text, 80) + "\nexpected: " + TextSamples.show(want)
                + "\ngot:      " + TextSamples.show(got) + "\n" + diff
                + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
        return CheckReport.fail("alphabet(text) is not the sorted distinct characters of the text", details)
                .withFirstDiff(diff).withLikelyBug(bug.orElse(null));
    }

    private static CheckReport checkEncode(CheckContext ctx, Method encode, String text, char[] alpha, int unknownId) {
        int[] want = encode(text, alpha, unknownId);
        int[] got = (int[]) ctx.call(encode, text, alpha.clone(), unknownId);
        Comparison cmp = Compare.ints(want, got);
        if (cmp.matches()) return null;
        Optional<String> bug = WrongVariants.catalogue()
                .add("unknown-as-zero", () -> encode(text, alpha, 0))
                .add("negative-for-unknown", () -> {
                    int[] ids = new int[text.length()];
                    for (int i = 0; i < ids.length; i++) ids[i] = Arrays.binarySearch(alpha, text.charAt(i));
                    return ids;
                })
                .match(got, 0, 0);
        String diff = cmp.firstDiff();
        int at = cmp.firstBadIndex();
        String where = at >= 0 && at < text.length() && cmp.actualLength() == cmp.expectedLength()
                ? "\nthe character at [" + at + "] is " + TextDisplay.visible(text.charAt(at))
                + (TextSamples.indexOf(alpha, text.charAt(at)) < 0 ? ", which is not in the alphabet" : "")
                : "";
        String details = "text:      " + TextDisplay.quote(text, 80) + "\nalphabet:  " + TextSamples.show(alpha)
                + "\nunknownId: " + unknownId + "\nexpected:  " + TextSamples.ids(want, 30)
                + "\ngot:       " + TextSamples.ids(got, 30) + "\n" + diff + where
                + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
        return CheckReport.fail("encode(text, alphabet, " + unknownId + ") gives the wrong ids", details)
                .withFirstDiff(diff).withLikelyBug(bug.orElse(null));
    }

    /** The reference encoder. */
    static int[] encode(String text, char[] alpha, int unknownId) {
        int[] ids = new int[text.length()];
        for (int i = 0; i < ids.length; i++) {
            int at = TextSamples.indexOf(alpha, text.charAt(i));
            ids[i] = at >= 0 ? at : unknownId;
        }
        return ids;
    }

    static String explain(String bug) {
        switch (bug) {
            case "unsorted": return "the characters are in the order they first appear; sort them (a TreeSet does), "
                    + "so the same text always gives the same ids.";
            case "duplicates": return "every character is there as often as it occurs in the text; keep each one once "
                    + "(a TreeSet drops repeats).";
            case "unknown-as-zero": return "characters missing from the alphabet get 0, but 0 is a real character's "
                    + "id; use the unknownId you are given.";
            case "negative-for-unknown": return "Arrays.binarySearch returns a negative number for a missing "
                    + "character, and that number ended up as the id; return unknownId instead.";
            default: return bug;
        }
    }

    /** {@code known} with characters from {@code extra} sprinkled in at random places. */
    private static String mix(Rng rng, String known, String extra) {
        StringBuilder sb = new StringBuilder(known);
        for (int i = 0; i < extra.length(); i++) sb.insert(rng.nextInt(sb.length() + 1), extra.charAt(i));
        return sb.toString();
    }

    private static char[] firstSeenOrder(String text) {
        LinkedHashSet<Character> s = new LinkedHashSet<>();
        for (int i = 0; i < text.length(); i++) s.add(text.charAt(i));
        char[] out = new char[s.size()];
        int k = 0;
        for (char c : s) out[k++] = c;
        return out;
    }

    private static String firstDiff(char[] want, char[] got) {
        if (got == null) return "alphabet returned null";
        for (int i = 0; i < Math.min(want.length, got.length); i++) {
            if (want[i] != got[i]) {
                return "at [" + i + "]: expected " + TextDisplay.visible(want[i]) + " but got " + TextDisplay.visible(got[i]);
            }
        }
        return "expected " + want.length + " characters but got " + got.length;
    }
}
