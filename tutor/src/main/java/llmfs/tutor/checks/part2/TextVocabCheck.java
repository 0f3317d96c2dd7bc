package llmfs.tutor.checks.part2;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.Comparison;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.Diagnosis;
import llmfs.tutor.checks.TextDisplay;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Exercise 2.1: {@code alphabet} (sorted distinct characters) and {@code encode} (index in the alphabet, or the
 * unknown id) on random mixed-case text with punctuation and newlines, then on Tiny Shakespeare itself.
 */
public final class TextVocabCheck implements ExerciseCheck {
    private static final int ROUNDS = 25;

    /**
     * Fixed texts before the random ones, smallest first: empty, one character, repeats, whitespace only, capitals
     * and punctuation, apostrophes and hyphens, accented letters, and an emoji (a surrogate pair: two chars).
     */
    static final List<String> ALPHABET_EDGES = List.of("", "a", "aaa", "ba", " \n\t", "Hello, World!\n",
            "don't stop-me", "naïve café", "x\uD83D\uDE00y\uD83D\uDE00");

    /** An encode round: the text, the text the alphabet comes from, the unknown id. */
    private record Enc(String text, String known, int unknownId) {
    }

    /** Encode edges: empty text, the character with id 0, unknown characters first, an empty alphabet. */
    private static final List<Enc> ENCODE_EDGES = List.of(new Enc("", "ab", 2), new Enc("a", "a", 1),
            new Enc("\n", "\n ab", 4), new Enc("zab", "ab", 2), new Enc("ab", "", 7), new Enc("Hello", "ehlo", 9),
            new Enc("a\uD83D\uDE00!", "a!", 2));

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("TextVocab");
        Method alphabet = ctx.staticMethod(c, "alphabet", char[].class, String.class);
        Method encode = ctx.staticMethod(c, "encode", int[].class, String.class, char[].class, int.class);
        Rng rng = ctx.rng();
        Function<String, char[]> learnerAlphabet = text -> {
            ctx.input("alphabet(" + TextDisplay.quote(text, 80) + ")");
            return (char[]) ctx.call(alphabet, text);
        };
        Function<Enc, int[]> learnerEncode = e -> {
            char[] alpha = TextSamples.alphabet(e.known());
            ctx.input("encode(" + TextDisplay.quote(e.text(), 60) + ", " + TextSamples.show(alpha) + ", "
                    + e.unknownId() + ")");
            return (int[]) ctx.call(encode, e.text(), alpha, e.unknownId());
        };

        for (int round = 0; round < ALPHABET_EDGES.size() + ROUNDS; round++) {
            String text = round < ALPHABET_EDGES.size() ? ALPHABET_EDGES.get(round) : TextSamples.randomText(rng, 60);
            CheckReport r = checkAlphabet(learnerAlphabet, text);
            if (r != null) return r;
        }
        for (int round = 0; round < ENCODE_EDGES.size() + ROUNDS; round++) {
            Enc e;
            if (round < ENCODE_EDGES.size()) {
                e = ENCODE_EDGES.get(round);
            } else {
                int k = round - ENCODE_EDGES.size();
                String known = k == 0 ? "hello, world\n" : TextSamples.randomText(rng, 40);
                int size = TextSamples.alphabet(known).length;
                // Text drawn from a wider pool than the alphabet, so some characters are unknown.
                String text = k == 0 ? "Hello, world!\n" : mix(rng, known, TextSamples.randomText(rng, 30));
                e = new Enc(text, known, k == 0 || rng.nextInt(2) == 0 ? size : 1 + rng.nextInt(100));
            }
            CheckReport r = checkEncode(learnerEncode, e);
            if (r != null) return r;
        }

        String shakespeare = TextSamples.shakespeare();
        CheckReport r = checkAlphabet(learnerAlphabet, shakespeare);
        if (r != null) return r;
        char[] full = TextSamples.alphabet(shakespeare);
        int start = rng.nextInt(shakespeare.length() - 2000);
        String slice = shakespeare.substring(start, start + 2000);
        r = checkEncode(learnerEncode, new Enc(slice, shakespeare, full.length));
        if (r != null) return r;
        // An alphabet from a short slice lacks some characters of a later one: those must become the unknown id.
        String head = shakespeare.substring(start, start + 60);
        r = checkEncode(learnerEncode, new Enc(slice, head, TextSamples.alphabet(head).length));
        if (r != null) return r;

        return CheckReport.pass("alphabet and encode match the reference on " + (ALPHABET_EDGES.size()
                + ENCODE_EDGES.size()) + " edge cases (empty text, whitespace, capitals, accents, an emoji) and "
                + ROUNDS + " random texts each, and Tiny Shakespeare's alphabet has its " + full.length
                + " characters, from \\n (id 0) and space (id 1) to z (id " + (full.length - 1) + ")");
    }

    private static CheckReport checkAlphabet(Function<String, char[]> learner, String text) {
        char[] want = TextSamples.alphabet(text);
        char[] got = learner.apply(text);
        if (Arrays.equals(want, got)) return null;
        String diff = firstDiff(want, got);
        String details = "text:     " + TextDisplay.quote(text, 80) + "\nexpected: " + TextSamples.show(want)
                + "\ngot:      " + TextSamples.show(got) + "\n" + diff;
        CheckReport r = CheckReport.fail("alphabet(text) is not the sorted distinct characters of the text", details)
                .withFirstDiff(diff);
        Function<String, Object> ref = TextSamples::alphabet;
        return Diagnosis.exact()
                .suspect("unsorted", explain("unsorted"), List.of(text, "ba"), learner::apply,
                        TextVocabCheck::firstSeenOrder, ref)
                .suspect("duplicates", explain("duplicates"), List.of(text, "aa"), learner::apply, t -> {
                    char[] all = t.toCharArray();
                    Arrays.sort(all);
                    return all;
                }, ref)
                .suspect("skips-whitespace", explain("skips-whitespace"), List.of(text, "a b\n"), learner::apply,
                        t -> TextSamples.alphabet(t.replaceAll("\\s", "")), ref)
                .suspect("lowercased", explain("lowercased"), List.of(text, "Ab"), learner::apply,
                        t -> TextSamples.alphabet(t.toLowerCase()), ref)
                .suspect("code-point-cast", explain("code-point-cast"), List.of(text, "a\uD83D\uDE00"), learner::apply,
                        t -> {
                            StringBuilder sb = new StringBuilder();
                            t.codePoints().forEach(cp -> sb.append((char) cp));
                            return TextSamples.alphabet(sb.toString());
                        }, ref)
                .explain(r);
    }

    private static CheckReport checkEncode(Function<Enc, int[]> learner, Enc e) {
        String text = e.text();
        char[] alpha = TextSamples.alphabet(e.known());
        int unknownId = e.unknownId();
        int[] want = encode(text, alpha, unknownId);
        int[] got = learner.apply(e);
        Comparison cmp = Compare.ints(want, got);
        if (cmp.matches()) return null;
        String diff = cmp.firstDiff();
        int at = cmp.firstBadIndex();
        String where = at >= 0 && at < text.length() && cmp.actualLength() == cmp.expectedLength()
                ? "\nthe character at [" + at + "] is " + TextDisplay.visible(text.charAt(at))
                + (TextSamples.indexOf(alpha, text.charAt(at)) < 0 ? ", which is not in the alphabet" : "")
                : "";
        String details = "text:      " + TextDisplay.quote(text, 80) + "\nalphabet:  " + TextSamples.show(alpha)
                + "\nunknownId: " + unknownId + "\nexpected:  " + TextSamples.ids(want, 30)
                + "\ngot:       " + TextSamples.ids(got, 30) + "\n" + diff + where;
        CheckReport r = CheckReport.fail("encode(text, alphabet, " + unknownId + ") gives the wrong ids", details)
                .withFirstDiff(diff);
        // Probes: no unknown character ("ba"), and an unknown one before the character with id 0 ("xa").
        List<Enc> probes = List.of(e, new Enc("ba", "ab", 5), new Enc("xa", "ab", 5));
        Function<Enc, Object> ref = x -> encode(x.text(), TextSamples.alphabet(x.known()), x.unknownId());
        return Diagnosis.exact()
                .suspect("unknown-as-zero", explain("unknown-as-zero"), probes, learner::apply,
                        x -> encode(x.text(), TextSamples.alphabet(x.known()), 0), ref)
                .suspect("negative-for-unknown", explain("negative-for-unknown"), probes, learner::apply, x -> {
                    char[] a = TextSamples.alphabet(x.known());
                    int[] ids = new int[x.text().length()];
                    for (int i = 0; i < ids.length; i++) ids[i] = Arrays.binarySearch(a, x.text().charAt(i));
                    return ids;
                }, ref)
                .suspect("id-zero-unknown", explain("id-zero-unknown"), probes, learner::apply, x -> {
                    int[] ids = (int[]) ref.apply(x);
                    for (int i = 0; i < ids.length; i++) if (ids[i] == 0) ids[i] = x.unknownId();
                    return ids;
                }, ref)
                .explain(r);
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
            case "skips-whitespace": return "spaces and newlines are left out, but they are characters of the text "
                    + "too — the model must learn where lines and words end; keep every character.";
            case "lowercased": return "the text is lower-cased first, so 'A' and 'a' share an id and capitals can "
                    + "never be generated; keep the characters as they are.";
            case "code-point-cast": return "the text is read by code points and each is cast to char, which breaks "
                    + "characters outside the basic plane (an emoji is two chars, a surrogate pair); read it char by "
                    + "char with charAt(i).";
            case "id-zero-unknown": return "the test for a found character is at > 0, so the character with id 0 "
                    + "(\\n in Shakespeare) becomes unknown; binarySearch finds a character when at >= 0.";
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
