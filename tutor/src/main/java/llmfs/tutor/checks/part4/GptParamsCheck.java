package llmfs.tutor.checks.part4;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;

/** Exercise 4.7: 12d² + 9d per block, and 610,241 for the course's GPT; then random shapes. */
public final class GptParamsCheck implements ExerciseCheck {

    /** One block; {@code variant}: "" , "biases" (attention with biases), "nonorm". */
    static long block(long d, String variant) {
        long attention = 4 * d * d + (variant.equals("biases") ? 4 * d : 0);
        long norms = variant.equals("nonorm") ? 0 : 4 * d;
        return attention + 8 * d * d + 5 * d + norms;
    }

    /** The whole model; {@code variant}: "", "biases", "nonorm", "positions", "tied". */
    static long total(long vocab, long d, long layers, long context, String variant) {
        long head = variant.equals("tied") ? vocab : d * vocab + vocab;
        long finalNorm = variant.equals("nonorm") ? 0 : 2 * d;
        long positions = variant.equals("positions") ? context * d : 0;
        return vocab * d + positions + layers * block(d, variant) + finalNorm + head;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("GptParams");
        Method block = ctx.staticMethod(c, "block", long.class, long.class);
        Method total = ctx.staticMethod(c, "total", long.class, long.class, long.class, long.class, long.class);
        Rng rng = ctx.rng();
        for (int round = 0; round < 12; round++) {
            long d = round == 0 ? 128 : 2 + rng.nextInt(1024);
            long got = (Long) ctx.call(block, d);
            long want = block(d, "");
            if (got != want) {
                Optional<String> bug = WrongVariants.catalogue()
                        .add("attention-biases", () -> block(d, "biases"))
                        .add("no-layernorms", () -> block(d, "nonorm"))
                        .match(got, 0, 0);
                return fail(String.format(Locale.ROOT, "one block of width %d has %,d parameters (12d² + 9d), not"
                        + " %,d", d, want, got), want, got, bug);
            }
        }
        for (int round = 0; round < 12; round++) {
            boolean course = round == 0;
            long v = course ? 65 : 2 + rng.nextInt(500), d = course ? 128 : 2 + rng.nextInt(512);
            long layers = course ? 3 : 1 + rng.nextInt(12), context = course ? 64 : 8 + rng.nextInt(1000);
            long got = (Long) ctx.call(total, v, d, layers, context);
            long want = total(v, d, layers, context, "");
            if (got != want) {
                Optional<String> bug = WrongVariants.catalogue()
                        .add("attention-biases", () -> total(v, d, layers, context, "biases"))
                        .add("no-layernorms", () -> total(v, d, layers, context, "nonorm"))
                        .add("positions-counted", () -> total(v, d, layers, context, "positions"))
                        .add("tied-head", () -> total(v, d, layers, context, "tied"))
                        .match(got, 0, 0);
                return fail(String.format(Locale.ROOT, "a GPT with vocab %d, width %d, %d layers, context %d has %,d"
                        + " parameters, not %,d%s", v, d, layers, context, want, got,
                        course ? " (this is the course's model)" : ""), want, got, bug);
            }
        }
        return CheckReport.pass("12d² + 9d per block, and 610,241 for the course's GPT (vocab 65, width 128, 3"
                + " layers), and right on 22 other shapes");
    }

    private static CheckReport fail(String headline, long want, long got, Optional<String> bug) {
        String diff = String.format(Locale.ROOT, "expected %,d but got %,d (off by %,d)", want, got, got - want);
        return CheckReport.fail(headline, diff + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse(""))
                .withFirstDiff(diff).withMaxError(Math.abs((double) got - want)).withLikelyBug(bug.orElse(null));
    }

    static String explain(String bug) {
        return switch (bug) {
            case "attention-biases" -> "the attention projections are counted with biases (3d + d more per block);"
                    + " the course's fused QKV and output layers have none.";
            case "no-layernorms" -> "the LayerNorms are left out: each has a gamma and a beta of width d (two per"
                    + " block, one at the end).";
            case "positions-counted" -> "context × d is counted for the positions; the sinusoidal table is computed,"
                    + " not learned, so it has no parameters.";
            case "tied-head" -> "the output layer's d × vocab weight is missing, as if it shared the embedding's"
                    + " (weight tying); the course's GPT has its own output weight.";
            default -> bug;
        };
    }
}
