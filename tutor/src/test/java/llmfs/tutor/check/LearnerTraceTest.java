package llmfs.tutor.check;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearnerTraceTest {
    private static StackTraceElement f(String cls, String method, String file, int line) {
        return new StackTraceElement(cls, method, file, line);
    }

    private final LearnerTrace trace = new LearnerTrace(Set.of("Vocabulary", "Vocabulary$Entry"));

    private Throwable thrownInsideLibrary() {
        NumberFormatException e = new NumberFormatException("For input string: \"x\"");
        e.setStackTrace(new StackTraceElement[]{
                f("java.lang.NumberFormatException", "forInputString", "NumberFormatException.java", 67),
                f("java.lang.Integer", "parseInt", "Integer.java", 668),
                f("Vocabulary$Entry", "parse", "Vocabulary.java", 30),
                f("Vocabulary", "build", "Vocabulary.java", 14),
                f("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2),
                f("llmfs.tutor.check.CheckContext", "invoke", "CheckContext.java", 150),
        });
        return e;
    }

    @Test
    void headlineNamesTheInnermostLearnerFrame() {
        assertEquals("NumberFormatException: For input string: \"x\" at Vocabulary$Entry.parse(Vocabulary.java:30)",
                trace.headline(thrownInsideLibrary()));
    }

    @Test
    void detailsKeepOnlyLearnerFramesAndNameTheLibraryCall() {
        String d = trace.details(thrownInsideLibrary());
        assertEquals("NumberFormatException: For input string: \"x\"\n"
                + "    (thrown inside java.lang.Integer.parseInt)\n"
                + "    at Vocabulary$Entry.parse(Vocabulary.java:30)\n"
                + "    at Vocabulary.build(Vocabulary.java:14)", d);
    }

    @Test
    void causesAreIncludedOnce() {
        RuntimeException outer = new RuntimeException("outer", thrownInsideLibrary());
        outer.setStackTrace(new StackTraceElement[]{f("Vocabulary", "encode", "Vocabulary.java", 40)});
        String d = trace.details(outer);
        assertTrue(d.startsWith("RuntimeException: outer\n    at Vocabulary.encode(Vocabulary.java:40)\nCaused by: "
                + "NumberFormatException"), d);
    }

    @Test
    void recognisesWhetherTheLearnerIsInvolved() {
        assertTrue(trace.involvesLearner(new RuntimeException("wrapped", thrownInsideLibrary())));
        IllegalStateException checkBug = new IllegalStateException("bug");
        checkBug.setStackTrace(new StackTraceElement[]{f("llmfs.tutor.checks.X", "run", "X.java", 3)});
        assertFalse(trace.involvesLearner(checkBug));
    }
}
