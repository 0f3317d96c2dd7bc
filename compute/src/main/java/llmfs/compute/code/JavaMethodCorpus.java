package llmfs.compute.code;

import llmfs.compute.data.Corpora;
import llmfs.compute.data.CorpusException;
import llmfs.compute.text.CourseVocab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Part 7's corpus, {@code corpora/java-methods.txt}: small static Java methods written for this project, each with
 * unit tests kept beside it. The file format:
 *
 * <pre>
 * # comment lines (only before the first method)
 * === isEven train                 a method starts: its name, then "train" or "heldout"
 * /** Returns true when n is even. *&#47;
 * public static boolean isEven(int n) {
 *     return n % 2 == 0;
 * }
 * --- tests                       then one boolean Java expression per line
 * isEven(4)
 * !isEven(7)
 * </pre>
 *
 * <p>Only the training methods are model input ({@link #trainingText()}); the held-out ones are never seen in
 * training, so their pass rate says whether the model learned to write code rather than to recall it.
 */
public final class JavaMethodCorpus {
    /** The corpus file's name in {@code corpora/}. */
    public static final String FILE = "java-methods.txt";

    private final List<JavaMethod> methods;

    private JavaMethodCorpus(List<JavaMethod> methods) {
        this.methods = List.copyOf(methods);
    }

    /** Loads and verifies the shipped corpus. */
    public static JavaMethodCorpus load(Corpora corpora) {
        return parse(corpora.text(FILE));
    }

    /**
     * Parses the corpus format.
     *
     * @throws CorpusException naming the line when the text breaks the format or holds a character outside
     *                         {@link CourseVocab#full()}
     */
    public static JavaMethodCorpus parse(String text) {
        List<JavaMethod> out = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        String name = null;
        boolean heldOut = false;
        StringBuilder source = null;
        List<String> tests = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                if (c == CourseVocab.END || !CourseVocab.full().contains(c)) {
                    throw error(lineNo, "character U+" + String.format("%04X", (int) c)
                            + " is outside the course vocabulary (printable ASCII and line breaks only; no tabs)");
                }
            }
            if (line.startsWith("=== ")) {
                if (name != null) out.add(finish(name, heldOut, source, tests, lineNo));
                String[] parts = line.substring(4).trim().split(" +");
                if (parts.length != 2 || !(parts[1].equals("train") || parts[1].equals("heldout"))) {
                    throw error(lineNo, "expected '=== <name> train' or '=== <name> heldout', got '" + line + "'");
                }
                name = parts[0];
                if (seen.put(name, lineNo) != null) throw error(lineNo, "method " + name + " appears twice");
                heldOut = parts[1].equals("heldout");
                source = new StringBuilder();
                tests = null;
            } else if (line.equals("--- tests")) {
                if (name == null || tests != null) throw error(lineNo, "'--- tests' outside a method");
                tests = new ArrayList<>();
            } else if (name == null) {
                if (!line.isBlank() && !line.startsWith("#")) throw error(lineNo, "text before the first method");
            } else if (tests != null) {
                if (!line.isBlank()) tests.add(line.strip());
            } else {
                source.append(line).append('\n');
            }
        }
        if (name != null) out.add(finish(name, heldOut, source, tests, lines.length));
        if (out.isEmpty()) throw new CorpusException(FILE, FILE + " holds no methods", null);
        return new JavaMethodCorpus(out);
    }

    private static JavaMethod finish(String name, boolean heldOut, StringBuilder source, List<String> tests, int lineNo) {
        String text = source.toString().strip() + "\n";
        if (tests == null || tests.isEmpty()) throw error(lineNo, "method " + name + " has no tests");
        if (!text.startsWith("/**")) throw error(lineNo, "method " + name + " must start with its Javadoc line");
        int open = MethodEnd.firstOpenBrace(text);
        if (open < 0 || MethodEnd.end(text) != text.length() - 2) {
            throw error(lineNo, "method " + name + " must be one method whose closing brace ends its text");
        }
        if (!text.substring(0, open).contains(" " + name + "(")) {
            throw error(lineNo, "method " + name + "'s signature does not declare " + name);
        }
        return new JavaMethod(name, heldOut, text, tests);
    }

    private static CorpusException error(int line, String message) {
        return new CorpusException(FILE, FILE + " line " + line + ": " + message, null);
    }

    /** Every method, in file order. */
    public List<JavaMethod> methods() {
        return methods;
    }

    /** The methods the model trains on. */
    public List<JavaMethod> training() {
        return methods.stream().filter(m -> !m.heldOut()).toList();
    }

    /** The methods kept out of training. */
    public List<JavaMethod> heldOut() {
        return methods.stream().filter(JavaMethod::heldOut).toList();
    }

    /** The method with this name, if the corpus has one. */
    public Optional<JavaMethod> find(String name) {
        return methods.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The training methods' text, one blank line between methods: what the model reads. */
    public String trainingText() {
        return join(training());
    }

    /** The held-out methods' text, joined the same way: the validation text. */
    public String heldOutText() {
        return join(heldOut());
    }

    private static String join(List<JavaMethod> ms) {
        StringBuilder sb = new StringBuilder();
        for (JavaMethod m : ms) sb.append(m.source()).append('\n');
        return sb.toString();
    }

    /** The method names, for listings. */
    public List<String> names() {
        return Collections.unmodifiableList(methods.stream().map(JavaMethod::name).toList());
    }
}
