package llmfs.tutor.checks.part5;

import llmfs.compute.Rng;
import llmfs.compute.align.ResponseMask;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.Comparison;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Exercise 5.2: the targets of one example with the prompt masked, against the tutor's own
 * {@link ResponseMask#targets}, on a worked example, edge cases (prompt of length 1, response of one token) and random
 * rows.
 */
public final class LossMaskCheck implements ExerciseCheck {
    private static final int ROUNDS = 40;

    static int[] targets(int[] ids, int p, String variant) {
        int[] t = new int[ids.length - 1];
        for (int i = 0; i < t.length; i++) {
            t[i] = switch (variant) {
                case "unmasked" -> ids[i + 1];
                case "first-answer-token-masked" -> i >= p ? ids[i + 1] : -1;
                case "masks-the-answer" -> i + 1 < p ? ids[i + 1] : -1;
                case "not-shifted" -> i + 1 >= p ? ids[i] : -1;
                default -> -2;
            };
        }
        return variant.isEmpty() ? ResponseMask.targets(ids, p) : t;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("LossMask");
        Method m = ctx.staticMethod(c, "targets", int[].class, int[].class, int.class);
        Rng rng = ctx.rng();
        for (int round = 0; round < ROUNDS; round++) {
            int[] ids;
            int p;
            if (round == 0) {
                ids = new int[]{10, 11, 12, 20, 21, 96};
                p = 3;
            } else {
                int n = 2 + rng.nextInt(30);
                ids = new int[n];
                for (int i = 0; i < n; i++) ids[i] = rng.nextInt(97);
                p = round == 1 ? 1 : round == 2 ? n - 1 : 1 + rng.nextInt(n - 1);
            }
            int[] want = targets(ids, p, "");
            int[] given = ids.clone();
            int[] got = (int[]) ctx.call(m, given, p);
            Comparison cmp = Compare.ints(want, got);
            if (!cmp.matches()) {
                final int[] row = ids;
                final int pl = p;
                Optional<String> bug = WrongVariants.catalogue()
                        .add("unmasked", () -> targets(row, pl, "unmasked"))
                        .add("first-answer-token-masked", () -> targets(row, pl, "first-answer-token-masked"))
                        .add("masks-the-answer", () -> targets(row, pl, "masks-the-answer"))
                        .add("not-shifted", () -> targets(row, pl, "not-shifted"))
                        .match(got, 0, 0);
                String diff = cmp.firstDiff();
                String details = "targets(" + Arrays.toString(ids) + ", promptLength " + p + ")\nexpected: "
                        + Arrays.toString(want) + "\ngot:      " + (got == null ? "null" : Arrays.toString(got)) + "\n"
                        + diff + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
                return CheckReport.fail("the masked targets differ from the reference", details).withFirstDiff(diff)
                        .withLikelyBug(bug.orElse(null));
            }
            if (!Arrays.equals(given, ids)) {
                return CheckReport.fail("targets changed the ids it was given",
                        "the array passed in now holds " + Arrays.toString(given) + "; build a new array");
            }
        }
        return CheckReport.pass("targets shift by one and keep only the response's tokens on " + ROUNDS
                + " rows ([10, 11, 12, 20, 21, 96] with prompt 3 → [-1, -1, 20, 21, 96])");
    }

    static String explain(String bug) {
        return switch (bug) {
            case "unmasked" -> "every target is kept, so the loss also trains the model to predict the template and "
                    + "the question — the original course's choice; set the targets of prompt tokens to IGNORE.";
            case "first-answer-token-masked" -> "the first token of the answer is masked: position promptLength - 1 "
                    + "(the prompt's last token) is the one that predicts it. Keep a target when i + 1 >= promptLength.";
            case "masks-the-answer" -> "the condition is reversed: the prompt is kept and the answer ignored.";
            case "not-shifted" -> "position i must predict the next token, ids[i + 1], not ids[i] itself.";
            default -> bug;
        };
    }
}
