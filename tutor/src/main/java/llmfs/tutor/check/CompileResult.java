package llmfs.tutor.check;

import java.util.List;
import java.util.Map;

/**
 * What compiling a learner's file produced: class files on success, formatted errors otherwise.
 *
 * @param fileName the learner's file name, e.g. {@code Vocabulary.java}
 * @param classes  binary class name to class-file bytes; empty when there are errors
 * @param errors   one entry per error, each {@code Vocabulary.java:12:9: error: message} followed by the source
 *                 line and a caret under the column; empty on success
 */
public record CompileResult(String fileName, Map<String, byte[]> classes, List<String> errors) {

    public CompileResult {
        classes = Map.copyOf(classes);
        errors = List.copyOf(errors);
    }

    /** True when the file compiled. */
    public boolean ok() {
        return errors.isEmpty();
    }

    /** All errors joined for display, separated by blank lines. */
    public String report() {
        return String.join("\n\n", errors);
    }
}
