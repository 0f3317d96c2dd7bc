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
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Exercise 2.3: {@code context} (last block characters as ids, left-padded with the pad's id) on short, exact and
 * long prompts, then {@code slide} (a new array, shifted left by one, with the new id at the end).
 */
public final class PromptContextCheck implements ExerciseCheck {
    private static final int ROUNDS = 30;
    private static final String READABLE = "ROMEO:\nTo be, or not to be";

    /** The reference, and the mistakes that change which characters go where. */
    static int[] context(String prompt, char[] alphabet, int block, char pad, String variant) {
        int[] ids = new int[block];
        if (!variant.equals("pad-not-filled")) {
            Arrays.fill(ids, variant.equals("pad-as-char-code") ? pad : TextSamples.indexOf(alphabet, pad));
        }
        if (variant.equals("drops-last-char")) prompt = prompt.isEmpty() ? prompt : prompt.substring(0, prompt.length() - 1);
        int used = Math.min(block, prompt.length());
        int from = variant.equals("keeps-first") ? 0 : prompt.length() - used;
        int to = variant.equals("right-padding") ? 0 : block - used;
        for (int k = 0; k < used; k++) ids[to + k] = TextSamples.indexOf(alphabet, prompt.charAt(from + k));
        return ids;
    }

    static int[] slide(int[] context, int next, String variant) {
        int n = context.length;
        int[] out = new int[n];
        if (variant.equals("slide-grows")) {
            out = Arrays.copyOf(context, n + 1);
            out[n] = next;
        } else if (variant.equals("slide-wrong-end")) {
            System.arraycopy(context, 0, out, 1, n - 1);
            out[0] = next;
        } else {
            System.arraycopy(context, 1, out, 0, n - 1);
            out[n - 1] = next;
        }
        return out;
    }

    /** One call of context(). */
    private record Ctx(String prompt, char[] alphabet, int block, char pad) {
        String show() {
            return "context(" + TextDisplay.quote(prompt, 60) + ", alphabet, " + block + ", "
                    + TextDisplay.visible(pad) + ")";
        }
    }

    private static final List<String> CONTEXT_VARIANTS = List.of("right-padding", "keeps-first", "pad-as-char-code",
            "pad-not-filled", "drops-last-char");

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("PromptContext");
        Method context = ctx.staticMethod(c, "context", int[].class, String.class, char[].class, int.class, char.class);
        Method slide = ctx.staticMethod(c, "slide", int[].class, int[].class, int.class);
        Rng rng = ctx.rng();
        Function<Ctx, int[]> learner = q -> {
            ctx.input(q.show());
            return (int[]) ctx.call(context, q.prompt(), q.alphabet().clone(), q.block(), q.pad());
        };

        char[] readable = TextSamples.alphabet(READABLE);
        char[] abc = TextSamples.alphabet("abcxyz");
        char[] emoji = TextSamples.alphabet("a \uD83D\uDE00");
        // Edge rounds, smallest first: an empty prompt, one character, a block of 1, a prompt exactly one block
        // long, the pad with id 0 and with the last id, a surrogate pair (two chars of an emoji), then the
        // readable prompts: shorter than the block (padded on the left) and longer (only its end is kept).
        List<Ctx> rounds = new ArrayList<>(List.of(new Ctx("", abc, 3, 'x'), new Ctx("a", abc, 1, 'x'),
                new Ctx("b", abc, 3, 'a'), new Ctx("abc", abc, 3, 'z'), new Ctx("ab", abc, 4, 'z'),
                new Ctx("xyzab", abc, 2, 'c'), new Ctx("\uD83D\uDE00a", emoji, 4, ' '),
                new Ctx("ROMEO:\n", readable, 10, ' '), new Ctx("To be, or not to be", readable, 8, ' ')));
        for (int round = 2; round < ROUNDS; round++) {
            String source = TextSamples.randomText(rng, 40) + "x";
            char[] alphabet = TextSamples.alphabet(source);
            int block = 1 + rng.nextInt(16);
            int length = round == 2 ? 0 : round == 3 ? block : rng.nextInt(2 * block + 1);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < length; i++) sb.append(alphabet[rng.nextInt(alphabet.length)]);
            rounds.add(new Ctx(sb.toString(), alphabet, block, alphabet[rng.nextInt(alphabet.length)]));
        }
        for (Ctx q : rounds) {
            CheckReport r = checkContext(learner, q);
            if (r != null) return r;
        }
        BiFunction<int[], Integer, int[]> learnerSlide = (in, next) -> {
            ctx.input("slide(" + Arrays.toString(in) + ", " + next + ")");
            return (int[]) ctx.call(slide, in, next);
        };
        for (int round = -1; round < ROUNDS; round++) {
            int[] input;
            int next;
            if (round == -1) {
                input = new int[] {5};
                next = 9;
            } else if (round == 0) {
                input = new int[] {5, 6, 7};
                next = 9;
            } else {
                input = new int[1 + rng.nextInt(16)];
                for (int i = 0; i < input.length; i++) input[i] = rng.nextInt(65);
                next = rng.nextInt(65);
            }
            CheckReport r = checkSlide(learnerSlide, input, next);
            if (r != null) return r;
        }
        return CheckReport.pass("context keeps the last block characters and pads on the left (\"ROMEO:\\n\" with "
                + "block 10 → ␣␣␣ROMEO:\\n), and slide returns a new window one step on, on " + rounds.size()
                + " prompts (empty, one block long, an emoji, pads with the first and last id) and " + (ROUNDS + 1)
                + " windows");
    }

    private static CheckReport checkContext(Function<Ctx, int[]> learner, Ctx q) {
        String prompt = q.prompt();
        char[] alphabet = q.alphabet();
        int block = q.block();
        char pad = q.pad();
        int[] want = context(prompt, alphabet, block, pad, "");
        int[] got = learner.apply(q);
        Comparison cmp = Compare.ints(want, got);
        if (cmp.matches()) return null;
        String diff = cmp.firstDiff();
        String details = "prompt " + TextDisplay.quote(prompt, 60) + " (" + prompt.length() + " characters), block "
                + block + ", pad " + TextDisplay.visible(pad) + " (id " + TextSamples.indexOf(alphabet, pad) + ")"
                + "\nalphabet: " + TextSamples.show(alphabet)
                + "\nexpected: " + render(want, alphabet) + "\ngot:      " + render(got, alphabet) + "\n" + diff;
        CheckReport r = CheckReport.fail("context(prompt, alphabet, " + block + ", pad) differs from the reference",
                details).withFirstDiff(diff);
        // Probes: a short prompt with a pad whose id and char code are both far from 0, and a long prompt.
        char[] abc = TextSamples.alphabet("abcxyz");
        List<Ctx> probes = List.of(q, new Ctx("ab", abc, 4, 'x'), new Ctx("abcxyz", abc, 3, 'y'));
        Diagnosis d = Diagnosis.exact();
        for (String v : CONTEXT_VARIANTS) {
            d.suspect(v, explain(v), probes, learner, x -> context(x.prompt(), x.alphabet(), x.block(), x.pad(), v),
                    x -> context(x.prompt(), x.alphabet(), x.block(), x.pad(), ""));
        }
        return d.explain(r);
    }

    private static CheckReport checkSlide(BiFunction<int[], Integer, int[]> learner, int[] input, int next) {
        int[] want = slide(input, next, "");
        int[] given = input.clone();
        int[] got = learner.apply(given, next);
        String call = "slide(" + Arrays.toString(input) + ", " + next + ")";
        Comparison cmp = Compare.ints(want, got);
        if (!cmp.matches()) {
            String diff = cmp.firstDiff();
            String details = call + "\nexpected: " + Arrays.toString(want) + "\ngot:      " + TextSamples.ids(got, 20)
                    + "\n" + diff;
            CheckReport r = CheckReport.fail(call + " is not the window one step on", details).withFirstDiff(diff);
            record Sl(int[] in, int next) {
            }
            List<Sl> probes = List.of(new Sl(input, next), new Sl(new int[]{1, 2, 3}, 9));
            Diagnosis d = Diagnosis.exact();
            for (String v : List.of("slide-wrong-end", "slide-grows")) {
                d.suspect(v, explain(v), probes, x -> learner.apply(x.in().clone(), x.next()),
                        x -> slide(x.in(), x.next(), v), x -> slide(x.in(), x.next(), ""));
            }
            return d.explain(r);
        }
        if (got == given || !Arrays.equals(given, input)) {
            String details = call + " returned the right ids, but "
                    + (got == given ? "as the same array it was given" : "the array passed in now holds "
                    + Arrays.toString(given)) + "\n\nLikely bug (slide-mutates): " + explain("slide-mutates");
            return CheckReport.fail("slide changed the context it was given", details)
                    .withFirstDiff("the input array was modified").withLikelyBug("slide-mutates");
        }
        return null;
    }

    /** {@code [1, 1, 7, …]  = "␣␣R…"}: ids and, where they are valid, the characters they stand for. */
    private static String render(int[] ids, char[] alphabet) {
        if (ids == null) return "null";
        StringBuilder chars = new StringBuilder();
        for (int id : ids) chars.append(id >= 0 && id < alphabet.length ? TextDisplay.visible(alphabet[id]) : "?");
        return TextSamples.ids(ids, 24) + "  = " + chars;
    }

    static String explain(String bug) {
        switch (bug) {
            case "right-padding": return "the pad ids are after the prompt; put them on the left, so the prompt's "
                    + "last character sits right before the one the model predicts.";
            case "keeps-first": return "the first block characters of a long prompt are kept; keep the last ones — "
                    + "the model continues from the end of the prompt.";
            case "pad-as-char-code": return "the padding is the pad character's code (a space is 32), not its id; "
                    + "look the pad up in the alphabet like any other character.";
            case "slide-mutates": return "the caller's array was shifted in place; make a new int[] and copy into it, "
                    + "so a context that is still needed (e.g. for a second sample) stays as it was.";
            case "slide-wrong-end": return "the new id went in at the front and the last id fell off; drop the first "
                    + "(oldest) id and append the new one at the end.";
            case "pad-not-filled": return "the pad positions are left at 0, which is the id of the alphabet's "
                    + "first character, not of the pad; fill the array with the pad's id first.";
            case "drops-last-char": return "the prompt's last character is left out of the context, as if it were a "
                    + "target; when generating, every character of the prompt is context — the model predicts what "
                    + "comes after it.";
            case "slide-grows": return "the new id is appended but the oldest is not dropped, so the window grows "
                    + "by one each step; the result must have the same length as the context.";
            default: return bug;
        }
    }
}
