package llmfs.compute.code;

import llmfs.compute.data.Corpora;
import llmfs.compute.data.CorpusException;
import llmfs.compute.text.CourseVocab;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaMethodCorpusTest {

    @Test
    void theShippedCorpusHasEnoughMethodsAHeldOutFifthAndOnlyCourseCharacters() {
        JavaMethodCorpus corpus = JavaMethodCorpus.load(Corpora.locate());
        int n = corpus.methods().size();
        assertTrue(n >= 150, n + " methods");
        assertTrue(corpus.heldOut().size() >= 0.2 * n, corpus.heldOut().size() + " held out of " + n);
        Set<String> names = new HashSet<>(corpus.names());
        assertEquals(n, names.size());
        String text = corpus.trainingText() + corpus.heldOutText();
        for (char c : text.toCharArray()) assertTrue(CourseVocab.full().contains(c) && c != CourseVocab.END, "char " + (int) c);
        for (JavaMethod m : corpus.heldOut()) {
            assertFalse(corpus.trainingText().contains(" " + m.name() + "("), m.name() + " leaks into the training text");
        }
    }

    @Test
    void promptIsJavadocAndSignatureUpToTheBrace() {
        JavaMethod m = JavaMethodCorpus.parse("=== twice train\n/** Doubles x. */\npublic static int twice(int x) {\n"
                + "    return 2 * x;\n}\n--- tests\ntwice(2) == 4\n\n").methods().get(0);
        assertEquals("/** Doubles x. */\npublic static int twice(int x) {\n", m.prompt());
        assertEquals("public static int twice(int x)", m.signature());
        assertEquals(java.util.List.of("twice(2) == 4"), m.tests());
        assertFalse(m.heldOut());
    }

    @Test
    void formatErrorsNameTheLine() {
        CorpusException tab = assertThrows(CorpusException.class, () -> JavaMethodCorpus.parse(
                "=== f train\n/** F. */\nstatic int f() {\n\treturn 1;\n}\n--- tests\nf() == 1\n"));
        assertTrue(tab.getMessage().contains("line 4"), tab.getMessage());
        CorpusException noTests = assertThrows(CorpusException.class, () -> JavaMethodCorpus.parse(
                "=== f train\n/** F. */\nstatic int f() {\n    return 1;\n}\n"));
        assertTrue(noTests.getMessage().contains("no tests"), noTests.getMessage());
        CorpusException twoMethods = assertThrows(CorpusException.class, () -> JavaMethodCorpus.parse(
                "=== f train\n/** F. */\nstatic int f() {\n    return 1;\n}\nstatic int g() {\n    return 2;\n}\n--- tests\nf() == 1\n"));
        assertTrue(twoMethods.getMessage().contains("one method"), twoMethods.getMessage());
    }
}
