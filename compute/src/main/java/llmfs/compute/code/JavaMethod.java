package llmfs.compute.code;

import java.util.List;

/**
 * One method of the Part 7 corpus: its name, whether it is held out, its text (a one-line Javadoc and the method)
 * and its tests, each a boolean Java expression that is true for a correct method.
 */
public record JavaMethod(String name, boolean heldOut, String source, List<String> tests) {
    public JavaMethod {
        tests = List.copyOf(tests);
    }

    /**
     * The prompt a code model completes: the Javadoc and the signature up to and including the opening brace, then a
     * line break. What the model writes after it is the body; {@link MethodEnd} finds where the body closes.
     */
    public String prompt() {
        int brace = MethodEnd.firstOpenBrace(source);
        if (brace < 0) throw new IllegalStateException("method " + name + " has no body");
        return source.substring(0, brace + 1) + "\n";
    }

    /** The signature line, e.g. {@code public static boolean isEven(int n)}. */
    public String signature() {
        String head = prompt();
        int nl = head.lastIndexOf('\n', head.length() - 2);
        return head.substring(nl + 1, head.length() - 1).replace("{", "").strip();
    }
}
