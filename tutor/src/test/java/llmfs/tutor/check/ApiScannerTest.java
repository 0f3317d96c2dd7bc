package llmfs.tutor.check;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compile-time API check: every way of naming a refused call is caught (imports, fully qualified names,
 * static imports, var, method references, chains), and ordinary exercise code is not.
 */
class ApiScannerTest {
    private static LearnerCompiler compiler;

    @BeforeAll
    static void setUp() {
        compiler = new LearnerCompiler();
    }

    @AfterAll
    static void tearDown() {
        compiler.close();
    }

    private static String body(String imports, String code) {
        return imports + "\npublic class T {\n    public static Object f() throws Exception {\n        " + code
                + "\n        return null;\n    }\n}\n";
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "| Runtime.getRuntime().exec(\"ls\"); | Runtime.exec",
            "| var r = java.lang.Runtime.getRuntime(); r.exec(new String[]{\"sh\"}); | Runtime.exec",
            "| Runtime.getRuntime().halt(0); | Runtime.halt",
            "| Runtime.getRuntime().addShutdownHook(null); | Runtime.addShutdownHook",
            "import static java.lang.System.exit; | exit(3); | System.exit",
            "| java.util.function.IntConsumer c = System::exit; c.accept(1); | System.exit",
            "| System.setOut(null); | System.setOut",
            "| System.setProperty(\"a\", \"b\"); | System.setProperty",
            "| System.loadLibrary(\"x\"); | System.loadLibrary",
            "| System.getenv(\"HOME\"); | System.getenv",
            "| Class.forName(\"llmfs.tutor.checks.part1.CrossEntropyCheck\"); | Class.forName",
            "| \"\".getClass().getDeclaredMethods(); | Class.getDeclaredMethods",
            "| T.class.getClassLoader(); | Class.getClassLoader",
            "| Thread.currentThread().getContextClassLoader(); | Thread.getContextClassLoader",
            "| new Thread(() -> { }).start(); | Thread.start",
            "| new ProcessBuilder(\"sh\").start(); | java.lang.ProcessBuilder",
            "| ProcessHandle.current(); | java.lang.ProcessHandle",
            "import java.io.File; | new File(\"/etc/passwd\").delete(); | java.io.File",
            "| java.nio.file.Files.readString(java.nio.file.Path.of(\"progress.txt\")); | java.nio.file.Files",
            "| new java.io.FileOutputStream(java.io.FileDescriptor.out); | java.io.FileOutputStream",
            "| new java.io.RandomAccessFile(\"x\", \"rw\"); | java.io.RandomAccessFile",
            "| new java.io.PrintStream(\"out.txt\"); | new PrintStream(String…)",
            "| new java.util.Formatter(\"out.txt\"); | new Formatter(String…)",
            "| new java.net.Socket(\"127.0.0.1\", 80); | java.net.Socket",
            "| java.nio.channels.SocketChannel.open(); | java.nio.channels.SocketChannel",
            "| java.lang.invoke.MethodHandles.lookup(); | java.lang.invoke.MethodHandles",
            "| java.lang.reflect.Array.newInstance(int.class, 3); | java.lang.reflect.Array",
            "| Object u = sun.misc.Unsafe.class; | sun.misc.Unsafe",
            "| java.util.concurrent.Executors.newFixedThreadPool(4); | java.util.concurrent.Executors",
            "| new java.util.Timer(); | java.util.Timer",
            "| ClassLoader.getSystemClassLoader(); | java.lang.ClassLoader",
            "| StackWalker.getInstance(); | java.lang.StackWalker",
            "| llmfs.compute.io.AtomicFiles.class.getName(); | llmfs.compute.io.AtomicFiles",
            "| java.util.Locale.setDefault(java.util.Locale.GERMANY); | Locale.setDefault",
    })
    void refusedCallsAreNamedWithTheirLine(String imports, String code, String named) {
        CompileResult r = compiler.compile("T.java", body(imports == null ? "" : imports, code));
        assertFalse(r.ok(), () -> "compiled: " + code);
        assertTrue(r.classes().isEmpty());
        // A refused class is named at its import; a statically imported method where it is called.
        String line = imports == null || imports.startsWith("import static") ? "T.java:4:" : "T.java:1:";
        assertTrue(r.errors().stream().anyMatch(e -> e.startsWith(line)
                        && e.contains(named + " is not allowed in exercises: learner code runs in a sandbox")),
                () -> "expected " + line + " " + named + " in:\n" + r.report());
    }

    @Test
    void aSubclassOfThreadIsRefused() {
        CompileResult r = compiler.compile("T.java", """
                public class T {
                    static class Bomb extends Thread { public void run() { } }
                }
                """);
        assertFalse(r.ok());
        assertTrue(r.report().contains("T.java:2:") && r.report().contains("extends Thread is not allowed"), r::report);
    }

    @Test
    void aFinalizerAndNativeMethodsAreRefused() {
        CompileResult r = compiler.compile("T.java", """
                public class T {
                    protected void finalize() { }
                    static native int peek(long address);
                }
                """);
        assertFalse(r.ok());
        assertTrue(r.report().contains("finalize() is not allowed"), r::report);
        assertTrue(r.report().contains("native method peek is not allowed"), r::report);
    }

    @Test
    void theTutorsPackagesCannotBeDeclared() {
        CompileResult r = compiler.compile("T.java", "package llmfs.tutor.check;\npublic class T { }\n");
        assertFalse(r.ok());
        assertTrue(r.report().contains("package llmfs.tutor.check is not allowed"), r::report);
    }

    @Test
    void ordinaryExerciseCodeCompiles() {
        CompileResult r = compiler.compile("T.java", """
                import java.util.*;
                import java.util.stream.*;
                import llmfs.compute.Rng;
                import llmfs.compute.Tensor;
                public class T {
                    public static String f(float[][] x) {
                        Map<String, Integer> m = new TreeMap<>();
                        List<Integer> l = IntStream.range(0, 5).boxed().collect(Collectors.toList());
                        var sb = new StringBuilder();
                        for (Map.Entry<String, Integer> e : m.entrySet()) sb.append(e.getKey());
                        System.out.println(String.format("%.3f", Math.exp(1)) + l + Arrays.toString(x[0]));
                        System.err.printf("%s%n", T.class.getSimpleName());
                        long t = System.nanoTime();
                        Rng rng = new Rng(t);
                        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
                        java.math.BigInteger big = java.math.BigInteger.TWO.pow(100);
                        Thread.currentThread().isInterrupted();
                        if (x.length == 0) throw new IllegalStateException("TODO: " + rng.nextLong() + big + b);
                        return sb.toString();
                    }
                }
                """);
        assertTrue(r.ok(), r::report);
    }

    @Test
    void refusalsComeWithTheSourceLineAndACaret() {
        CompileResult r = compiler.compile("T.java", body("", "Runtime.getRuntime().exec(\"ls\");"));
        assertEquals(1, r.errors().size(), r::report);
        assertTrue(r.errors().get(0).contains("\n        Runtime.getRuntime().exec(\"ls\");\n"), r::report);
        assertTrue(r.errors().get(0).endsWith("^"), r::report);
    }
}
