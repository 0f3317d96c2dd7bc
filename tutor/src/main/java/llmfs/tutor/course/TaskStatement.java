package llmfs.tutor.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an exercise asks, as the exercise screen shows it: read from the template's Javadoc, so the statement and
 * the file the learner edits never disagree. The class comment comes first (without its "Exercise N.M — …" title
 * line and the "Check with …" line), then each public method's comment under the method's name.
 *
 * <p>The result is a list of lines: a paragraph is one line (for the screen to wrap), and a line that starts with
 * spaces — a formula or an example in the comment — is kept as it is.
 */
public final class TaskStatement {
    private static final Pattern COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/\\s*([^\\n]*)", Pattern.DOTALL);
    private static final Pattern METHOD = Pattern.compile("public\\s+(?:static\\s+)?[\\w<>\\[\\], ?]+?\\s+(\\w+)\\s*\\(");

    private TaskStatement() {
    }

    /** The statement of {@code e}, from its template; empty when the template cannot be read. */
    public static List<String> of(Exercise e) {
        try {
            return parse(Files.readString(e.template()));
        } catch (IOException | RuntimeException ex) {
            return List.of();
        }
    }

    /** The statement in a template's source. */
    public static List<String> parse(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = COMMENT.matcher(source);
        while (m.find()) {
            String after = m.group(2);
            boolean isClass = after.contains("class ") || after.contains("record ") || after.contains("interface ");
            Matcher method = METHOD.matcher(after);
            if (!isClass && !method.find()) continue;
            List<String> lines = lines(m.group(1), isClass);
            if (lines.isEmpty()) continue;
            if (!out.isEmpty()) out.add("");
            if (!isClass) out.add(method.group(1) + "(…):");
            out.addAll(lines);
        }
        return out;
    }

    /** The comment's text: paragraphs joined, indented lines kept, block tags and the check line dropped. */
    private static List<String> lines(String body, boolean isClass) {
        List<String> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        boolean first = true;
        for (String raw : body.split("\n")) {
            String l = raw.replaceFirst("^\\s*\\*? ?", "");
            if (first && isClass && l.strip().startsWith("Exercise ")) {
                first = false;
                continue;
            }
            if (!l.isBlank()) first = false;
            String text = inline(l);
            if (l.strip().startsWith("Check with") || l.strip().startsWith("@")) {
                flush(para, out);
                continue;
            }
            if (l.isBlank()) {
                flush(para, out);
                if (!out.isEmpty() && !out.get(out.size() - 1).isEmpty()) out.add("");
            } else if (l.startsWith(" ")) {
                flush(para, out);
                String prev = out.isEmpty() ? "" : out.get(out.size() - 1);
                if (indent(l) > indent(prev) && indent(prev) > 0) {
                    // A deeper-indented line continues the item above it (a numbered step that runs on).
                    out.set(out.size() - 1, prev + " " + text.strip());
                } else {
                    out.add(text.stripTrailing());
                }
            } else {
                if (para.length() > 0) para.append(' ');
                para.append(text.strip());
            }
        }
        flush(para, out);
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        while (!out.isEmpty() && out.get(0).isEmpty()) out.remove(0);
        return out;
    }

    private static int indent(String s) {
        return s.length() - s.stripLeading().length();
    }

    private static void flush(StringBuilder para, List<String> out) {
        if (para.length() > 0) out.add(para.toString());
        para.setLength(0);
    }

    /** {@code {@code x}} and {@code {@link #x}} as plain text. */
    private static String inline(String s) {
        return s.replaceAll("\\{@(?:code|link|linkplain|literal) #?([^}]*)}", "$1");
    }
}
