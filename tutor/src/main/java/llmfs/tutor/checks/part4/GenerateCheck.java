package llmfs.tutor.checks.part4;

import llmfs.compute.Rng;
import llmfs.compute.sample.Sampler;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.Comparison;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * Exercise 4.8: generation with a cropped context. A stand-in model whose logits depend on every token of the window
 * and on its position records the longest window it was shown; the learner's tokens must equal the reference's for
 * the same seed, prompts longer than the context included.
 */
public final class GenerateCheck implements ExerciseCheck {
    private static final int VOCAB = 11;

    /** A deterministic "model": logits from every (position, token) of the window. */
    static float[] logits(int[] window) {
        float[] l = new float[VOCAB];
        for (int v = 0; v < VOCAB; v++) {
            double s = 0;
            for (int j = 0; j < window.length; j++) s += Math.sin(0.37 * (window[j] + 1) * (v + 1) + 0.91 * (j + 1) * (v + 2));
            l[v] = (float) (1.5 * s);
        }
        return l;
    }

    /** {@code variant}: "" , "nocrop", "start", "short", "newonly". */
    static int[] reference(int[] prompt, int maxNew, int context, float temp, long seed, String variant) {
        Rng rng = new Rng(seed);
        int[] seq = Arrays.copyOf(prompt, prompt.length + maxNew);
        int len = prompt.length;
        for (int n = 0; n < maxNew; n++) {
            int from = switch (variant) {
                case "nocrop" -> 0;
                case "short" -> Math.max(0, len - context + 1);
                default -> Math.max(0, len - context);
            };
            int[] window = variant.equals("start") ? Arrays.copyOfRange(seq, 0, Math.min(len, context))
                    : Arrays.copyOfRange(seq, from, len);
            seq[len++] = Sampler.sample(logits(window), Sampler.Settings.temperature(temp), rng);
        }
        return variant.equals("newonly") ? Arrays.copyOfRange(seq, prompt.length, seq.length) : seq;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("Generate");
        Method m = ctx.staticMethod(c, "generate", int[].class, Function.class, int[].class, int.class, int.class,
                float.class, Rng.class);
        Rng rng = ctx.rng();
        for (int round = 0; round < 15; round++) {
            int context = 3 + rng.nextInt(6), promptLen = 1 + rng.nextInt(round < 5 ? context : 3 * context);
            int maxNew = 5 + rng.nextInt(25);
            float temp = 0.6f + rng.nextFloat();
            long seed = rng.nextLong();
            int[] prompt = new int[promptLen];
            for (int i = 0; i < promptLen; i++) prompt[i] = rng.nextInt(VOCAB);
            int[] longest = new int[1];
            Function<int[], float[]> model = w -> {
                if (w == null || w.length == 0) throw new IllegalArgumentException("the model was given an empty window");
                longest[0] = Math.max(longest[0], w.length);
                return logits(w.clone());
            };
            int[] want = reference(prompt, maxNew, context, temp, seed, "");
            int[] got = (int[]) ctx.call(m, model, prompt.clone(), maxNew, context, temp, new Rng(seed));
            Comparison cmp = Compare.ints(want, got);
            if (!cmp.matches()) {
                // The stand-in model saw the windows, so the label rests on what it saw: only code that showed it more
                // than `context` tokens can be "no-crop", and only code that never did can be one of the others.
                WrongVariants known = WrongVariants.catalogue();
                if (longest[0] > context) {
                    known.add("no-crop", () -> reference(prompt, maxNew, context, temp, seed, "nocrop"));
                } else {
                    known.add("keeps-the-start", () -> reference(prompt, maxNew, context, temp, seed, "start"))
                            .add("crop-one-short", () -> reference(prompt, maxNew, context, temp, seed, "short"))
                            .add("only-new-tokens", () -> reference(prompt, maxNew, context, temp, seed, "newonly"));
                }
                Optional<String> bug = known.match(got, 0, 0);
                String seen = longest[0] > context ? " The model was shown " + longest[0] + " tokens at once but"
                        + " can see only " + context + "." : "";
                CheckReport r = cmp.toFailure("wrong tokens for a prompt of " + promptLen + " tokens, context "
                        + context + ", " + maxNew + " new tokens");
                return CheckReport.fail(r.headline(), r.details() + seen
                                + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse(""))
                        .withFirstDiff(r.firstDiff()).withLikelyBug(bug.orElse(null));
            }
        }
        return CheckReport.pass("the same tokens as the reference on 15 runs, with prompts shorter and up to three"
                + " times longer than the context");
    }

    static String explain(String bug) {
        return switch (bug) {
            case "no-crop" -> "the whole sequence goes to the model; it has only `context` positions. Pass the last"
                    + " min(context, length) tokens.";
            case "keeps-the-start" -> "the window is the FIRST context tokens; the next token depends on the most"
                    + " recent ones, so take the last context tokens.";
            case "crop-one-short" -> "the window holds context − 1 tokens; it may hold exactly context.";
            case "only-new-tokens" -> "only the new tokens are returned; the result starts with the prompt.";
            default -> bug;
        };
    }
}
