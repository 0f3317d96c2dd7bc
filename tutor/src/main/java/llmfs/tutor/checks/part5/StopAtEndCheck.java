package llmfs.tutor.checks.part5;

import llmfs.compute.Rng;
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
 * Exercise 5.3: generation until END with a scripted model (the next id depends only on how many ids have been
 * generated), which also checks that it is called with the prompt plus the answer so far.
 */
public final class StopAtEndCheck implements ExerciseCheck {
    private static final int ROUNDS = 30;
    private static final int END = 96;

    /** What a correct generate returns, and the mistakes, for a script (ids the model says in turn). */
    static int[] expected(int[] prompt, int[] script, int max, String variant) {
        int limit = variant.equals("one-too-many") ? max + 1 : max;
        int[] out = new int[0];
        for (int k = 0; k < limit; k++) {
            int next = script[k];
            if (next == END && !variant.equals("ignores-end")) {
                if (variant.equals("keeps-end")) out = append(out, next);
                break;
            }
            out = append(out, next);
        }
        if (variant.equals("includes-prompt")) {
            int[] all = Arrays.copyOf(prompt, prompt.length + out.length);
            System.arraycopy(out, 0, all, prompt.length, out.length);
            return all;
        }
        return out;
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("StopAtEnd");
        Method m = ctx.staticMethod(c, "generate", int[].class, int[].class, Function.class, int.class, int.class);
        Rng rng = ctx.rng();
        for (int round = 0; round < ROUNDS; round++) {
            int[] prompt;
            int max;
            int[] script;
            if (round == 0) {
                prompt = new int[]{7, 8};
                max = 10;
                script = new int[]{4, 5, END, 6, 6, 6, 6, 6, 6, 6, 6, 6};
            } else {
                prompt = new int[1 + rng.nextInt(8)];
                for (int i = 0; i < prompt.length; i++) prompt[i] = rng.nextInt(END);
                max = 1 + rng.nextInt(12);
                script = new int[max + 2];
                for (int i = 0; i < script.length; i++) script[i] = rng.nextInt(END);
                // Most rounds stop at END before the limit; some (round 1 among them) never see it.
                if (round != 1 && rng.nextInt(4) != 0) script[rng.nextInt(max)] = END;
            }
            final int[] p = prompt, s = script;
            final int mx = max;
            String[] misuse = new String[1];
            Function<int[], Integer> model = seq -> {
                int k = seq.length - p.length;
                if (misuse[0] == null && (k < 0 || !Arrays.equals(Arrays.copyOf(seq, p.length), p))) {
                    misuse[0] = "the model was called with " + Arrays.toString(seq) + ", which does not start with "
                            + "the prompt " + Arrays.toString(p);
                }
                if (k < 0 || k >= s.length) return END;
                return s[k];
            };
            int[] want = expected(prompt, script, max, "");
            int[] got = (int[]) ctx.call(m, prompt.clone(), model, END, max);
            String call = "generate(prompt " + Arrays.toString(prompt) + ", model saying " + Arrays.toString(script)
                    + " in turn, END " + END + ", maxTokens " + max + ")";
            Comparison cmp = Compare.ints(want, got);
            if (!cmp.matches()) {
                Optional<String> bug = WrongVariants.catalogue()
                        .add("keeps-end", () -> expected(p, s, mx, "keeps-end"))
                        .add("ignores-end", () -> expected(p, s, mx, "ignores-end"))
                        .add("includes-prompt", () -> expected(p, s, mx, "includes-prompt"))
                        .add("one-too-many", () -> expected(p, s, mx, "one-too-many"))
                        .match(got, 0, 0);
                String diff = cmp.firstDiff();
                String details = call + "\nexpected: " + Arrays.toString(want) + "\ngot:      "
                        + (got == null ? "null" : Arrays.toString(got)) + "\n" + diff
                        + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
                return CheckReport.fail("the answer's ids differ from the reference", details).withFirstDiff(diff)
                        .withLikelyBug(bug.orElse(null));
            }
            if (misuse[0] != null) {
                return CheckReport.fail("the model is not given the sequence so far", call + "\n" + misuse[0]
                        + "\nCall model.apply with the prompt followed by the answer's ids so far.");
            }
        }
        return CheckReport.pass("generate stops at END (without keeping it) or after maxTokens, on " + ROUNDS
                + " scripted models (prompt [7, 8], model 4, 5, END → [4, 5])");
    }

    static String explain(String bug) {
        return switch (bug) {
            case "keeps-end" -> "END is part of the answer you return; it only says the answer is over. Check for it "
                    + "before appending.";
            case "ignores-end" -> "generation goes on after END, up to maxTokens: an answer followed by whatever the "
                    + "model makes up next (the original course cut its answers only afterwards).";
            case "includes-prompt" -> "the prompt's ids are returned too; return only what was generated after it.";
            case "one-too-many" -> "one id more than maxTokens is generated when END never comes; stop after maxTokens.";
            default -> bug;
        };
    }
}
