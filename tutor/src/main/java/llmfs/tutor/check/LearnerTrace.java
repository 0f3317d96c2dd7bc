package llmfs.tutor.check;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stack traces cut down to the learner's own frames, so the learner sees
 * {@code ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 5 at Vocabulary.build(Vocabulary.java:14)}
 * rather than forty lines of reflection and tutor internals.
 */
final class LearnerTrace {
    private final Set<String> learnerClasses;

    /** @param learnerClasses binary names of the learner's classes */
    LearnerTrace(Set<String> learnerClasses) {
        this.learnerClasses = learnerClasses;
    }

    boolean isLearner(StackTraceElement e) {
        return learnerClasses.contains(e.getClassName());
    }

    /** True when any frame of {@code t} or its causes is the learner's. */
    boolean involvesLearner(Throwable t) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable x = t; x != null && seen.put(x, true) == null; x = x.getCause()) {
            for (StackTraceElement e : x.getStackTrace()) {
                if (isLearner(e)) return true;
            }
        }
        return false;
    }

    /** The first (innermost) learner frame of {@code frames}, or null. */
    StackTraceElement firstLearnerFrame(StackTraceElement[] frames) {
        for (StackTraceElement e : frames) {
            if (isLearner(e)) return e;
        }
        return null;
    }

    /** {@code Vocabulary.build(Vocabulary.java:14)}: no module or loader prefix. */
    static String frame(StackTraceElement e) {
        String file = e.getFileName();
        String where = file == null ? "Unknown Source"
                : e.getLineNumber() >= 0 ? file + ":" + e.getLineNumber() : file;
        return e.getClassName() + "." + e.getMethodName() + "(" + where + ")";
    }

    /** {@code Vocabulary.java:9}, or the frame itself when it has no line number. */
    static String fileAndLine(StackTraceElement e) {
        if (e.getFileName() == null || e.getLineNumber() < 0) return frame(e);
        return e.getFileName() + ":" + e.getLineNumber();
    }

    /** {@code ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 5} (simple class name). */
    static String describe(Throwable t) {
        String msg = t.getMessage();
        String name = t.getClass().getSimpleName().isEmpty() ? t.getClass().getName() : t.getClass().getSimpleName();
        return msg == null ? name : name + ": " + msg;
    }

    /** One line: the exception and the first learner frame it passed through. */
    String headline(Throwable t) {
        StackTraceElement f = firstLearnerFrame(t.getStackTrace());
        return f == null ? describe(t) : describe(t) + " at " + frame(f);
    }

    /**
     * The exception with only the learner's frames, its causes likewise; when it was thrown inside a library
     * call, that call is named once, e.g. {@code (thrown inside java.lang.Integer.parseInt)}.
     */
    String details(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        boolean first = true;
        for (Throwable x = t; x != null && seen.put(x, true) == null; x = x.getCause()) {
            if (!first) sb.append("\nCaused by: ");
            first = false;
            sb.append(describe(x));
            StackTraceElement[] frames = x.getStackTrace();
            List<StackTraceElement> mine = new ArrayList<>();
            int firstMine = -1;
            for (int i = 0; i < frames.length; i++) {
                if (isLearner(frames[i])) {
                    if (firstMine < 0) firstMine = i;
                    mine.add(frames[i]);
                }
            }
            if (firstMine > 0) {
                StackTraceElement library = frames[firstMine - 1];
                sb.append("\n    (thrown inside ").append(library.getClassName()).append('.')
                        .append(library.getMethodName()).append(')');
            }
            int shown = 0;
            for (StackTraceElement e : mine) {
                if (shown++ == 12) {
                    sb.append("\n    … ").append(mine.size() - 12).append(" more");
                    break;
                }
                sb.append("\n    at ").append(frame(e));
            }
        }
        return sb.toString();
    }
}
