package llmfs.tutor.check;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearnerCompilerTest {
    private static LearnerCompiler compiler;

    @BeforeAll
    static void setUp() {
        compiler = new LearnerCompiler();
    }

    @AfterAll
    static void tearDown() {
        compiler.close();
    }

    @Test
    void compilesIntoMemoryIncludingNestedClasses() throws Exception {
        CompileResult r = compiler.compile("Twice.java", """
                public class Twice {
                    static class Helper { static int f(int x) { return x * 2; } }
                    public static int twice(int x) { return Helper.f(x); }
                }
                """);
        assertTrue(r.ok(), r::report);
        assertEquals(java.util.Set.of("Twice", "Twice$Helper"), r.classes().keySet());
        // The bytes are real class files: load and call them.
        ClassLoader loader = new LearnerClassLoader(r.classes(), getClass().getClassLoader());
        Method m = loader.loadClass("Twice").getMethod("twice", int.class);
        assertEquals(42, m.invoke(null, 21));
    }

    @Test
    void targetsJava17() {
        CompileResult r = compiler.compile("V.java", "public class V { }");
        byte[] b = r.classes().get("V");
        int major = ((b[6] & 0xff) << 8) | (b[7] & 0xff);
        assertEquals(61, major); // class file version of Java 17
    }

    @Test
    void errorsAreFormattedWithLineColumnSourceAndCaret() {
        String src = "public class Broken {\n    int f() {\n\treturn missing + 1;\n    }\n}\n";
        CompileResult r = compiler.compile("Broken.java", src);
        assertFalse(r.ok());
        assertTrue(r.classes().isEmpty());
        assertEquals(1, r.errors().size(), r::report);
        assertEquals("Broken.java:3:9: error: cannot find symbol\n"
                + "    symbol:   variable missing\n"
                + "    location: class Broken\n"
                + "\treturn missing + 1;\n"
                + "\t       ^", r.errors().get(0));
    }

    @Test
    void everyErrorIsReported() {
        CompileResult r = compiler.compile("Two.java", "public class Two {\n  int a = \"s\";\n  int b = true;\n}\n");
        assertEquals(2, r.errors().size(), r::report);
        assertTrue(r.errors().get(0).startsWith("Two.java:2:11: error: incompatible types"), r.errors().get(0));
        assertTrue(r.errors().get(1).startsWith("Two.java:3:11: error: incompatible types"), r.errors().get(1));
    }

    @Test
    void thePublicClassMustMatchTheFileName() {
        CompileResult r = compiler.compile("Vocabulary.java", "public class Vocab { }");
        assertFalse(r.ok());
        assertTrue(r.errors().get(0).contains("should be declared in a file named Vocab.java"), r.report());
    }

    @Test
    void seesComputeButNotTheTutor() {
        assertTrue(compiler.compile("U.java", "public class U { long x = new llmfs.compute.Rng(1).nextLong(); }").ok());
        CompileResult r = compiler.compile("T.java", "public class T { Object x = llmfs.tutor.ProjectHome.class; }");
        assertFalse(r.ok());
        assertTrue(r.errors().get(0).contains("package llmfs.tutor does not exist"), r.report());
    }

    @Test
    void aFailedCompileLeavesNothingBehindForTheNext() {
        compiler.compile("Bad.java", "public class Bad { int x = ; }");
        CompileResult r = compiler.compile("Good.java", "public class Good { }");
        assertEquals(Map.of("Good", r.classes().get("Good")), r.classes());
    }
}
