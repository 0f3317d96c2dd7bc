package llmfs.tutor.checks;

import llmfs.tutor.ProjectHome;
import llmfs.tutor.check.CheckService;
import llmfs.tutor.check.Verdict;
import llmfs.tutor.course.Course;
import llmfs.tutor.course.Exercise;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a failure shows, on wrong learner code written here: the call that crashed or hung, the learner's own
 * frame, the smallest failing edge case first, digits enough to see a small difference, and no label for a
 * mistake outside the catalogue.
 */
class FailureReportsTest {
    private static CheckService service;
    private static Course course;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() {
        service = CheckService.forFiles();
        service.warmUp();
        course = Course.load(ProjectHome.locate().exercises());
    }

    @AfterAll
    static void tearDown() {
        service.close();
    }

    private Verdict check(String exerciseId, String source) throws IOException {
        Exercise e = course.exercise(exerciseId);
        Path file = tmp.resolve(e.fileName());
        Files.writeString(file, source);
        return service.checkFile(e, file, 42);
    }

    private static final String VOCAB_HEAD = """
            import java.util.*;
            public final class Vocabulary {
                public static Map<Character, Integer> stoi(char[] itos) {
                    Map<Character, Integer> m = new HashMap<>();
                    for (int i = 0; i < itos.length; i++) m.put(itos[i], i);
                    return m;
                }
            """;

    @Test
    void anExceptionShowsTheCallAndTheLearnersFrame() throws IOException {
        Verdict v = check("1.1", VOCAB_HEAD + """
                    public static char[] itos(List<String> names) {
                        TreeSet<Character> s = new TreeSet<>();
                        for (String n : names) for (char c : n.toCharArray()) s.add(letter(c));
                        char[] t = new char[s.size() + 1];
                        t[0] = '.';
                        int i = 1;
                        for (char c : s) t[i++] = c;
                        return t;
                    }
                    private static char letter(char c) {
                        if (c == '-') throw new IllegalArgumentException("not a letter: " + c);
                        return c;
                    }
                }
                """);
        assertEquals(Verdict.Kind.EXCEPTION, v.kind(), v::toString);
        assertTrue(v.headline().contains("Vocabulary.letter(Vocabulary.java:"), v.headline());
        assertTrue(v.details().contains("The call was itos([\"jo-ann\", \"o'neil\"])"), v.details());
    }

    @Test
    void aTimeOutShowsTheCallItWasRunning() throws IOException {
        Verdict v = check("1.1", VOCAB_HEAD + """
                    public static char[] itos(List<String> names) {
                        while (names.isEmpty()) { Thread.onSpinWait(); }
                        return new char[]{'.'};
                    }
                }
                """);
        assertEquals(Verdict.Kind.TIMEOUT, v.kind(), v::toString);
        assertTrue(v.details().contains("The call was itos([])"), v.details());
        assertTrue(v.details().contains("Vocabulary.itos("), v.details());
    }

    @Test
    void theSmallestEdgeCaseComesFirstAndAnUnknownMistakeGetsNoLabel() throws IOException {
        // Wrong only for capitals: sorts case-insensitively. Not in the catalogue.
        Verdict v = check("1.1", VOCAB_HEAD + """
                    public static char[] itos(List<String> names) {
                        List<Character> s = new ArrayList<>(new TreeSet<Character>() {{
                            for (String n : names) for (char c : n.toCharArray()) add(c);
                        }});
                        s.sort(Comparator.comparing(Character::toLowerCase));
                        char[] t = new char[s.size() + 1];
                        t[0] = '.';
                        for (int i = 0; i < s.size(); i++) t[i + 1] = s.get(i);
                        return t;
                    }
                }
                """);
        assertEquals(Verdict.Kind.FAIL, v.kind(), v::toString);
        assertTrue(v.details().contains("[\"Zoe\", \"amy\"]"), "the first edge case with a capital: " + v.details());
        assertNull(v.likelyBug(), "a label only when a probe confirms it: " + v);
    }

    @Test
    void aSmallDifferenceIsShownWithEnoughDigits() throws IOException {
        Verdict v = check("1.4", """
                public final class CrossEntropy {
                    public static double loss(float[][] logits, int[] targets) {
                        double total = 0;
                        for (int r = 0; r < logits.length; r++) {
                            double max = Double.NEGATIVE_INFINITY;
                            for (float x : logits[r]) max = Math.max(max, x);
                            double sum = 0;
                            for (float x : logits[r]) sum += Math.exp(x - max);
                            total += max + Math.log(sum) - logits[r][targets[r]];
                        }
                        return total / logits.length * 1.00001; // off by 1e-5, relative
                    }
                }
                """);
        assertEquals(Verdict.Kind.FAIL, v.kind(), v::toString);
        String[] parts = v.firstDiff().replace("expected ", "").split(" but got ");
        assertNotEquals(parts[0], parts[1], "the two numbers must look different: " + v.firstDiff());
        assertNull(v.likelyBug(), v::toString);
    }
}
