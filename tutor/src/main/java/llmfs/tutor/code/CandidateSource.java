package llmfs.tutor.code;

import java.util.List;

/**
 * The one Java file a generated (or reference) method is tested in: the method inside a class {@code Candidate},
 * followed by one static boolean method per test expression. {@code java.util.*} is imported because the corpus
 * methods use lists, maps and sets.
 */
public final class CandidateSource {
    /** The class and file the method is compiled in. */
    public static final String CLASS = "Candidate";
    public static final String FILE = CLASS + ".java";
    /** Test method i is called {@code TEST_PREFIX + i}; the '$' keeps it apart from any name the corpus uses. */
    public static final String TEST_PREFIX = "corpus$test";
    /** Lines before the method's first line, so compiler messages can be mapped back to the method's own lines. */
    public static final int HEADER_LINES = 4;

    private CandidateSource() {}

    /** The file's text: the method as it is, then the tests. */
    public static String build(String method, List<String> tests) {
        StringBuilder sb = new StringBuilder();
        sb.append("import java.util.*;\n\n");
        sb.append("public final class ").append(CLASS).append(" {\n");
        sb.append("    private ").append(CLASS).append("() {}\n");
        sb.append(method.endsWith("\n") ? method : method + "\n");
        for (int i = 0; i < tests.size(); i++) {
            sb.append("\n    static boolean ").append(TEST_PREFIX).append(i).append("() {\n");
            sb.append("        return ").append(tests.get(i)).append(";\n    }\n");
        }
        return sb.append("}\n").toString();
    }
}
