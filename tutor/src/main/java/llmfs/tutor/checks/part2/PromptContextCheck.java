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
import java.util.Optional;

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
        Arrays.fill(ids, variant.equals("pad-as-char-code") ? pad : TextSamples.indexOf(alphabet, pad));
        int used = Math.min(block, prompt.length());
        int from = variant.equals("keeps-first") ? 0 : prompt.length() - used;
        int to = variant.equals("right-padding") ? 0 : block - used;
        for (int k = 0; k < used; k++) ids[to + k] = TextSamples.indexOf(alphabet, prompt.charAt(from + k));
        return ids;
    }

    static int[] slide(int[] context, int next, String variant) {
        int n = context.length;
        int[] out = new int[n];
        if (variant.equals("slide-wrong-end")) {
            System.arraycopy(context, 0, out, 1, n - 1);
            out[0] = next;
        } else {
            System.arraycopy(context, 1, out, 0, n - 1);
            out[n - 1] = next;
        }
        return out;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("PromptContext");
        Method context = ctx.staticMethod(c, "context", int[].class, String.class, char[].class, int.class, char.class);
        Method slide = ctx.staticMethod(c, "slide", int[].class, int[].class, int.class);
        Rng rng = ctx.rng();

        char[] readable = TextSamples.alphabet(READABLE);
        for (int round = 0; round < ROUNDS; round++) {
            String prompt;
            char[] alphabet;
            int block;
            char pad;
            if (round == 0) {
                prompt = "ROMEO:\n"; // shorter than the block: padded on the left
                alphabet = readable;
                block = 10;
                pad = ' ';
            } else if (round == 1) {
                prompt = "To be, or not to be"; // longer than the block: only its end is kept
                alphabet = readable;
                block = 8;
                pad = ' ';
            } else {
                String source = TextSamples.randomText(rng, 40) + "x";
                alphabet = TextSamples.alphabet(source);
                block = 1 + rng.nextInt(16);
                int length = round == 2 ? 0 : round == 3 ? block : rng.nextInt(2 * block + 1);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < length; i++) sb.append(alphabet[rng.nextInt(alphabet.length)]);
                prompt = sb.toString();
                pad = alphabet[rng.nextInt(alphabet.length)];
            }
            CheckReport r = checkContext(ctx, context, prompt, alphabet, block, pad);
            if (r != null) return r;
        }
        for (int round = 0; round < ROUNDS; round++) {
            int[] input;
            int next;
            if (round == 0) {
                input = new int[] {5, 6, 7};
                next = 9;
            } else {
                input = new int[1 + rng.nextInt(16)];
                for (int i = 0; i < input.length; i++) input[i] = rng.nextInt(65);
                next = rng.nextInt(65);
            }
            CheckReport r = checkSlide(ctx, slide, input, next);
            if (r != null) return r;
        }
        return CheckReport.pass("context keeps the last block characters and pads on the left (\"ROMEO:\\n\" with "
                + "block 10 → ␣␣␣ROMEO:\\n), and slide returns a new window one step on, on " + ROUNDS
                + " prompts and " + ROUNDS + " windows");
    }

    private static CheckReport checkContext(CheckContext ctx, Method m, String prompt, char[] alphabet, int block, char pad) {
        int[] want = context(prompt, alphabet, block, pad, "");
        int[] got = (int[]) ctx.call(m, prompt, alphabet.clone(), block, pad);
        Comparison cmp = Compare.ints(want, got);
        if (cmp.matches()) return null;
        Optional<String> bug = WrongVariants.catalogue()
                .add("right-padding", () -> context(prompt, alphabet, block, pad, "right-padding"))
                .add("keeps-first", () -> context(prompt, alphabet, block, pad, "keeps-first"))
                .add("pad-as-char-code", () -> context(prompt, alphabet, block, pad, "pad-as-char-code"))
                .match(got, 0, 0);
        String diff = cmp.firstDiff();
        String details = "prompt " + TextDisplay.quote(prompt, 60) + " (" + prompt.length() + " characters), block "
                + block + ", pad " + TextDisplay.visible(pad) + " (id " + TextSamples.indexOf(alphabet, pad) + ")"
                + "\nalphabet: " + TextSamples.show(alphabet)
                + "\nexpected: " + render(want, alphabet) + "\ngot:      " + render(got, alphabet) + "\n" + diff
                + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
        return CheckReport.fail("context(prompt, alphabet, " + block + ", pad) differs from the reference", details)
                .withFirstDiff(diff).withLikelyBug(bug.orElse(null));
    }

    private static CheckReport checkSlide(CheckContext ctx, Method m, int[] input, int next) {
        int[] want = slide(input, next, "");
        int[] given = input.clone();
        int[] got = (int[]) ctx.call(m, given, next);
        String call = "slide(" + Arrays.toString(input) + ", " + next + ")";
        Comparison cmp = Compare.ints(want, got);
        if (!cmp.matches()) {
            Optional<String> bug = WrongVariants.catalogue()
                    .add("slide-wrong-end", () -> slide(input, next, "slide-wrong-end"))
                    .match(got, 0, 0);
            String diff = cmp.firstDiff();
            String details = call + "\nexpected: " + Arrays.toString(want) + "\ngot:      " + TextSamples.ids(got, 20)
                    + "\n" + diff + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
            return CheckReport.fail(call + " is not the window one step on", details)
                    .withFirstDiff(diff).withLikelyBug(bug.orElse(null));
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
            default: return bug;
        }
    }
}
