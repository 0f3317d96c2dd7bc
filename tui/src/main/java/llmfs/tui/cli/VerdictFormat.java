package llmfs.tui.cli;

import llmfs.tutor.check.Verdict;
import llmfs.tutor.course.Exercise;

import java.util.Locale;

/** A check verdict as terminal text: one headline, then indented details, then what to do next. */
final class VerdictFormat {
    private VerdictFormat() {}

    static String format(Exercise e, Verdict v, Term t) {
        StringBuilder sb = new StringBuilder();
        sb.append(v.passed() ? t.ok() : t.bad()).append(' ').append(t.bold(e.id() + " " + e.title())).append(": ")
                .append(t.text(v.headline())).append('\n');
        if (v.details() != null && !v.details().isBlank()) indent(sb, t.text(v.details()));
        if (v.learnerOutput() != null && !v.learnerOutput().isBlank()) {
            sb.append("  Your code printed:\n");
            indent(sb, "  " + v.learnerOutput().strip().replace("\n", "\n  "));
        }
        if (!v.passed()) {
            sb.append(t.dim(String.format(Locale.ROOT, "  %s · %d ms · seed %d (tutor check %s --seed %d repeats this run)",
                    kindWord(v.kind()), v.millis(), v.seed(), e.id(), v.seed()))).append('\n');
        } else {
            sb.append(t.dim(String.format(Locale.ROOT, "  checked in %d ms", v.millis()))).append('\n');
        }
        return sb.toString();
    }

    private static void indent(StringBuilder sb, String text) {
        for (String line : text.strip().split("\n", -1)) sb.append("  ").append(line).append('\n');
    }

    static String kindWord(Verdict.Kind k) {
        switch (k) {
            case PASS: return "passed";
            case FAIL: return "wrong result";
            case COMPILE_ERROR: return "does not compile";
            case TIMEOUT: return "time limit";
            case EXCEPTION: return "exception";
            case EXIT: return "ended the JVM";
            case OUT_OF_MEMORY: return "out of memory";
            case STACK_OVERFLOW: return "stack overflow";
            default: return "tutor error";
        }
    }
}
