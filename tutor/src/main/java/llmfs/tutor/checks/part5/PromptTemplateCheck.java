package llmfs.tutor.checks.part5;

import llmfs.compute.Rng;
import llmfs.compute.text.CourseVocab;
import llmfs.compute.text.InstructionTemplate;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;
import llmfs.tutor.checks.TextDisplay;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Exercise 5.1: {@code prompt} and {@code format} must produce the tutor's own template
 * ({@link InstructionTemplate}) character for character, on fixed and random instructions and responses.
 */
public final class PromptTemplateCheck implements ExerciseCheck {
    private static final int ROUNDS = 30;
    private static final String CHARS = "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789+-*=?.,'";

    static String prompt(String q, String variant) {
        return switch (variant) {
            case "single-newline" -> "### Instruction:\n" + q + "\n### Response:\n";
            case "no-newline-after-header" -> "### Instruction:\n" + q + "\n\n### Response:";
            default -> InstructionTemplate.prompt(q);
        };
    }

    static String format(String q, String a, String variant) {
        return switch (variant) {
            case "no-end-marker" -> prompt(q, "") + a;
            case "text-after-end" -> prompt(q, "") + a + CourseVocab.END + "\n\n";
            default -> prompt(q, variant) + a + CourseVocab.END;
        };
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("PromptTemplate");
        Method prompt = ctx.staticMethod(c, "prompt", String.class, String.class);
        Method format = ctx.staticMethod(c, "format", String.class, String.class, String.class);
        Rng rng = ctx.rng();
        for (int round = 0; round < ROUNDS; round++) {
            String q = round == 0 ? "What is 2 + 2?" : random(rng, 1 + rng.nextInt(30));
            String a = round == 0 ? "2 + 2 = 4." : random(rng, 1 + rng.nextInt(40));
            String got = (String) ctx.call(prompt, q);
            String want = prompt(q, "");
            if (!want.equals(got)) {
                Optional<String> bug = WrongVariants.catalogue()
                        .add("single-newline", () -> prompt(q, "single-newline"))
                        .add("no-newline-after-header", () -> prompt(q, "no-newline-after-header"))
                        .match(got, 0, 0);
                return fail("prompt(" + TextDisplay.quote(q, 40) + ")", want, got, bug);
            }
            got = (String) ctx.call(format, q, a);
            want = format(q, a, "");
            if (!want.equals(got)) {
                Optional<String> bug = WrongVariants.catalogue()
                        .add("no-end-marker", () -> format(q, a, "no-end-marker"))
                        .add("text-after-end", () -> format(q, a, "text-after-end"))
                        .add("single-newline", () -> format(q, a, "single-newline"))
                        .add("no-newline-after-header", () -> format(q, a, "no-newline-after-header"))
                        .match(got, 0, 0);
                return fail("format(" + TextDisplay.quote(q, 30) + ", " + TextDisplay.quote(a, 30) + ")", want, got, bug);
            }
        }
        return CheckReport.pass("prompt and format build the exact template on " + ROUNDS
                + " examples: \"### Instruction:\\n…\\n\\n### Response:\\n…\" and one END marker after the response");
    }

    private static String random(Rng rng, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(CHARS.charAt(rng.nextInt(CHARS.length())));
        return sb.toString();
    }

    private static CheckReport fail(String call, String want, String got, Optional<String> bug) {
        String diff = firstDiff(want, got);
        String details = call + "\nexpected: " + TextDisplay.quote(want, 200) + "\ngot:      "
                + (got == null ? "null" : TextDisplay.quote(got, 200)) + "\n" + diff
                + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
        return CheckReport.fail(call + " is not the exact template", details).withFirstDiff(diff)
                .withLikelyBug(bug.orElse(null));
    }

    static String firstDiff(String want, String got) {
        if (got == null) return "got null instead of a string";
        int n = Math.min(want.length(), got.length());
        for (int i = 0; i < n; i++) {
            if (want.charAt(i) != got.charAt(i)) {
                return "first difference at character " + i + ": expected " + TextDisplay.visible(want.charAt(i))
                        + " but got " + TextDisplay.visible(got.charAt(i));
            }
        }
        return want.length() > got.length() ? "yours stops after " + got.length() + " characters; expected "
                + TextDisplay.visible(want.charAt(n)) + " next"
                : "yours goes on after the expected end with " + TextDisplay.quote(got.substring(n), 20);
    }

    static String explain(String bug) {
        return switch (bug) {
            case "no-end-marker" -> "the response is not followed by END, so the model never sees an answer end "
                    + "and will not learn to stop; append END ('\\u0003') after the response.";
            case "text-after-end" -> "something follows END; the example must end with it, or the model learns to "
                    + "go on writing after it.";
            case "single-newline" -> "there must be an empty line between the instruction and \"### Response:\": "
                    + "\"\\n\\n### Response:\\n\".";
            case "no-newline-after-header" -> "\"### Response:\" is followed by a line break before the answer "
                    + "starts: \"### Response:\\n\".";
            default -> bug;
        };
    }
}
