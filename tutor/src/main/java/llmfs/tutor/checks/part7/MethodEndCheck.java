package llmfs.tutor.checks.part7;

import llmfs.compute.Rng;
import llmfs.compute.code.MethodEnd;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Exercise 7.3: model output that runs on into the next method, with braces nested, inside strings, char literals,
 * escaped quotes and comments; an unfinished method; then random compositions of those pieces. The reference is the
 * compute module's {@link MethodEnd}, which the sampler itself uses.
 */
public final class MethodEndCheck implements ExerciseCheck {

    /** Hand-made cases, ordered so that each known mistake shows first on its own kind of brace. */
    static final List<String> CASES = List.of(
            // nested blocks, then the next method begins
            "public static int abs(int n) {\n    if (n < 0) {\n        return -n;\n    }\n    return n;\n}\n\n"
                    + "/** Next. */\npublic static int sign(int n) {\n    if (n > 0) {",
            // a brace inside a string literal
            "public static String close() {\n    return \"}\";\n}\n\npublic static int f() {\n    return 1;\n}\n",
            // braces in a Javadoc and in a line comment
            "/** Returns {@code s} trimmed. */\npublic static String t(String s) {\n    // a } here is not code\n"
                    + "    return s.trim();\n}\n\npublic static int g() { return 2; }\n",
            // an escaped quote inside a string, then a brace that is still inside it
            "public static String q() {\n    return \"say \\\"}\\\" twice\";\n}\n\npublic static int h() {\n    return 3;\n}\n",
            // char literals, one of them an escaped quote
            "public static boolean open(char c) {\n    char q = '\\'';\n    return c == '{' || c == q;\n}\nint x() { }\n",
            // a block comment spanning lines
            "public static int one() {\n    /* {\n       } */\n    return 1;\n}\n}\n",
            // the method never closes: the sample ran out of budget
            "public static int fib(int n) {\n    if (n < 2) {\n        return n;\n    }\n    return fib(n - 1) +"
    );

    private static final String[] PIECES = {
            "    int a = 1;\n", "    if (a > 0) {\n        a++;\n    }\n", "    String s = \"{ \\\"}\\\" }\";\n",
            "    char c = '}';\n", "    char d = '\\\\';\n", "    // closing } in a comment\n", "    /* { */\n",
            "    /** {@code x} */\n", "    for (int i = 0; i < 3; i++) { a += i; }\n", "    String e = \"\\\\\";\n"
    };

    /** The mistakes, as implementations. */
    static int variant(String code, String name) {
        boolean literals = !name.equals("counts-every-brace");
        boolean comments = !name.equals("counts-every-brace") && !name.equals("no-comments");
        boolean escapes = !name.equals("no-escapes");
        boolean nesting = !name.equals("first-closing-brace");
        int state = 0; // 0 code, 1 string, 2 char, 3 line comment, 4 block comment
        int depth = 0;
        boolean opened = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            char next = i + 1 < code.length() ? code.charAt(i + 1) : '\0';
            if (state == 0) {
                if (comments && c == '/' && next == '/') {
                    state = 3;
                    i++;
                } else if (comments && c == '/' && next == '*') {
                    state = 4;
                    i++;
                } else if (literals && c == '"') {
                    state = 1;
                } else if (literals && c == '\'') {
                    state = 2;
                } else if (c == '{') {
                    depth++;
                    opened = true;
                } else if (c == '}' && opened) {
                    depth--;
                    if (depth == 0 || !nesting) return i;
                }
            } else if (state == 1 || state == 2) {
                char quote = state == 1 ? '"' : '\'';
                if (escapes && c == '\\') i++;
                else if (c == quote || c == '\n') state = 0;
            } else if (state == 3) {
                if (c == '\n') state = 0;
            } else if (c == '*' && next == '/') {
                state = 0;
                i++;
            }
        }
        return -1;
    }

    private static int[] all(List<String> cases, String variant) {
        int[] out = new int[cases.size()];
        for (int i = 0; i < out.length; i++) out[i] = variant(cases.get(i), variant);
        return out;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("MethodEnd");
        Method m = ctx.staticMethod(c, "end", int.class, String.class);
        List<String> cases = new ArrayList<>(CASES);
        Rng rng = ctx.rng();
        for (int round = 0; round < 30; round++) {
            StringBuilder sb = new StringBuilder("/** Random {@code body}. */\npublic static int r() {\n");
            int pieces = 1 + rng.nextInt(6);
            for (int i = 0; i < pieces; i++) sb.append(PIECES[rng.nextInt(PIECES.length)]);
            if (rng.nextInt(6) != 0) sb.append("    return 0;\n}\n\npublic static int next() {\n    return 1;\n}\n");
            cases.add(sb.toString());
        }
        int[] got = new int[cases.size()];
        for (int i = 0; i < cases.size(); i++) got[i] = (Integer) ctx.call(m, cases.get(i));
        for (int i = 0; i < cases.size(); i++) {
            String code = cases.get(i);
            int want = MethodEnd.end(code);
            if (got[i] == want) continue;
            // Name the mistake whose answers agree with the learner's on every text, not just this one: on a single
            // text several mistakes can land on the same wrong brace.
            Optional<String> bug = WrongVariants.catalogue()
                    .add("counts-every-brace", () -> all(cases, "counts-every-brace"))
                    .add("first-closing-brace", () -> all(cases, "first-closing-brace"))
                    .add("no-comments", () -> all(cases, "no-comments"))
                    .add("no-escapes", () -> all(cases, "no-escapes"))
                    .match(got, 0, 0);
            String details = "the text:\n" + numbered(code) + "\nexpected " + describe(code, want) + "\ngot      "
                    + describe(code, got[i]) + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
            return CheckReport.fail("end(...) returned " + got[i] + " but the method ends at " + want, details)
                    .withFirstDiff("expected " + want + " but got " + got[i]).withLikelyBug(bug.orElse(null));
        }
        return CheckReport.pass("end finds the closing brace in " + cases.size() + " texts: nested blocks, braces in "
                + "strings, chars, escapes and comments are handled, and an unfinished method gives -1");
    }

    private static String describe(String code, int at) {
        if (at < 0) return at + " (the method never closes)";
        if (at >= code.length()) return at + " (past the end of the text)";
        int line = 1, col = 1;
        for (int i = 0; i < at; i++) {
            if (code.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return at + " (line " + line + ", column " + col + ": '" + code.charAt(at) + "')";
    }

    private static String numbered(String code) {
        StringBuilder sb = new StringBuilder();
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) sb.append(String.format("%3d | %s%n", i + 1, lines[i]));
        return sb.toString();
    }

    static String explain(String bug) {
        switch (bug) {
            case "counts-every-brace": return "braces inside string literals, char literals or comments were counted. "
                    + "Track whether you are inside a literal or comment and count braces only in code.";
            case "first-closing-brace": return "the first '}' was taken as the end, but blocks nest: an if's closing "
                    + "brace is not the method's. Count depth: +1 for '{', -1 for '}', stop when it is back to 0.";
            case "no-comments": return "braces in comments were counted (a Javadoc's {@code ...} or a // } remark). "
                    + "Skip from // to the end of the line and from /* to the next */.";
            case "no-escapes": return "a backslash inside a literal was not treated as an escape, so \\\" ended the "
                    + "string early (or '\\'' the char). Skip the character after a backslash.";
            default: return bug;
        }
    }
}
