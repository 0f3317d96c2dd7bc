package llmfs.tutor.check;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import llmfs.compute.Rng;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles a learner's file in memory with the JDK's own compiler, against the compute module's classes only,
 * and refuses (as a compile error naming the call and its line) any use of an API outside {@link ApiPolicy}:
 * files, processes, the network, reflection, threads and the like. The check runs on the compiler's resolved
 * symbols ({@link ApiScanner}) before any class file is written, so refused code is never run.
 *
 * <p>The compiler and its file manager are created once and reused: the first compile pays for loading javac
 * (about a second), later ones take tens of milliseconds. Compiles are serialised; the class is thread-safe.
 */
public final class LearnerCompiler implements AutoCloseable {
    private static final int MAX_ERRORS_SHOWN = 20;

    private final JavaCompiler compiler;
    private final MemoryFileManager fileManager;
    private final List<String> options;
    private final boolean apiCheck;

    /** A compiler whose class path is the compute module, located from the running class path. */
    public LearnerCompiler() {
        this(List.of(computeClasses()));
    }

    /**
     * A compiler that does not refuse any API; only for testing the check process's own defences against code
     * that got past the compile-time check.
     */
    static LearnerCompiler withoutApiCheck() {
        return new LearnerCompiler(List.of(computeClasses()), false);
    }

    /**
     * A compiler with an explicit class path for the learner's code.
     *
     * @throws IllegalStateException if the tutor runs on a JRE without javac
     */
    public LearnerCompiler(List<Path> classpath) {
        this(classpath, true);
    }

    private LearnerCompiler(List<Path> classpath, boolean apiCheck) {
        this.apiCheck = apiCheck;
        compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("The tutor needs a full JDK to compile your code, but it runs on a Java "
                    + "runtime without a compiler (" + System.getProperty("java.home") + "). Install a JDK 17 or newer "
                    + "and start the tutor with it.");
        }
        StandardJavaFileManager standard = compiler.getStandardFileManager(null, Locale.ENGLISH, StandardCharsets.UTF_8);
        fileManager = new MemoryFileManager(standard);
        StringBuilder cp = new StringBuilder();
        for (Path p : classpath) {
            if (cp.length() > 0) cp.append(File.pathSeparatorChar);
            cp.append(p.toAbsolutePath());
        }
        options = List.of("-proc:none", "--release", "17", "-g", "-nowarn", "-Xlint:none",
                "-Xmaxerrs", String.valueOf(MAX_ERRORS_SHOWN),
                "--add-modules", "jdk.incubator.vector",
                "-classpath", cp.toString());
    }

    /** Where the compute module's classes are (a folder or a jar), found through one of its classes. */
    public static Path computeClasses() {
        try {
            URI uri = Rng.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            return Path.of(uri);
        } catch (URISyntaxException | NullPointerException | SecurityException e) {
            throw new IllegalStateException("cannot locate the compute module's classes on the class path", e);
        }
    }

    /**
     * Compiles one source file held in memory.
     *
     * @param fileName the name the file must have, e.g. {@code Vocabulary.java} (javac checks the public class
     *                 name against it)
     * @param source   the file's text
     */
    public synchronized CompileResult compile(String fileName, String source) {
        fileManager.outputs.clear();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject unit = new SourceFile(fileName, source);
        JavacTask task = (JavacTask) compiler.getTask(null, fileManager, diagnostics, options, null, List.of(unit));
        List<String> errors = new ArrayList<>();
        boolean ok;
        try {
            Iterable<? extends CompilationUnitTree> units = task.parse();
            task.analyze();
            ok = errorsIn(diagnostics, fileName, source, errors);
            if (ok && apiCheck) {
                Trees trees = Trees.instance(task);
                for (CompilationUnitTree u : units) {
                    for (ApiScanner.Violation v : ApiScanner.scan(trees, u)) errors.add(format(v, fileName, source));
                }
                ok = errors.isEmpty();
            }
            if (ok) {
                task.generate();
                ok = errorsIn(diagnostics, fileName, source, errors);
            }
        } catch (IOException | RuntimeException e) {
            errors.add(fileName + ": error: the compiler failed: " + e);
            ok = false;
        }
        if (!ok && errors.isEmpty()) {
            errors.add(fileName + ": error: the compiler failed without saying why");
        }
        if (!errors.isEmpty()) {
            fileManager.outputs.clear();
            return new CompileResult(fileName, Map.of(), errors);
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        fileManager.outputs.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return new CompileResult(fileName, classes, List.of());
    }

    /** Whether a compile error is the API check refusing a call (rather than javac rejecting the code). */
    public static boolean isApiRefusal(String error) {
        return error.contains(API_REFUSAL);
    }

    private static final String API_REFUSAL = " is not allowed in exercises: ";

    /** Adds the compiler's errors (not yet listed) to {@code errors}; true if there are none at all. */
    private static boolean errorsIn(DiagnosticCollector<JavaFileObject> diagnostics, String fileName, String source,
                                    List<String> errors) {
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String e = format(d, fileName, source);
                if (!errors.contains(e)) errors.add(e);
            }
        }
        return errors.isEmpty();
    }

    /** A refused API use, formatted like a compiler error so editors and the UI show it the same way. */
    private static String format(ApiScanner.Violation v, String fileName, String source) {
        String message = v.what() + API_REFUSAL + ApiPolicy.WHY + ".";
        Diagnostic<JavaFileObject> d = new Diagnostic<>() {
            @Override public Kind getKind() { return Kind.ERROR; }
            @Override public JavaFileObject getSource() { return null; }
            @Override public long getPosition() { return v.position(); }
            @Override public long getStartPosition() { return v.position(); }
            @Override public long getEndPosition() { return v.position(); }
            @Override public long getLineNumber() { return v.line(); }
            @Override public long getColumnNumber() { return NOPOS; }
            @Override public String getCode() { return "llmfs.api"; }
            @Override public String getMessage(Locale locale) { return message; }
        };
        return format(d, fileName, source);
    }

    /** Compiles a tiny class so that the first real compile is already fast. */
    public void warmUp() {
        compile("Warm.java", "public class Warm { static int twice(int x) { return 2 * x; } }");
    }

    @Override
    public synchronized void close() {
        try {
            fileManager.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code Vocabulary.java:12:9: error: cannot find symbol}, further message lines indented, then the source line
     * and a caret under the offending column (tabs copied so the caret lines up in any editor).
     */
    static String format(Diagnostic<? extends JavaFileObject> d, String fileName, String source) {
        StringBuilder sb = new StringBuilder();
        String message = d.getMessage(Locale.ENGLISH);
        String[] lines = message.split("\\R");
        long line = d.getLineNumber();
        long pos = d.getPosition();
        boolean havePos = pos != Diagnostic.NOPOS && pos <= source.length();
        int start = havePos ? lineStart(source, (int) pos) : 0;
        sb.append(fileName);
        if (line != Diagnostic.NOPOS) {
            sb.append(':').append(line);
            // javac counts a tab as up to 8 columns; editors count it as one character, as we do.
            if (havePos) sb.append(':').append(pos - start + 1);
            else if (d.getColumnNumber() != Diagnostic.NOPOS) sb.append(':').append(d.getColumnNumber());
        }
        sb.append(": error: ").append(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            sb.append("\n    ").append(lines[i].strip());
        }
        if (havePos) {
            int end = source.indexOf('\n', (int) pos);
            if (end < 0) end = source.length();
            String text = source.substring(start, end).replace("\r", "");
            StringBuilder caret = new StringBuilder();
            for (int i = start; i < pos && i - start < text.length(); i++) {
                caret.append(text.charAt(i - start) == '\t' ? '\t' : ' ');
            }
            sb.append('\n').append(text).append('\n').append(caret).append('^');
        }
        return sb.toString();
    }

    private static int lineStart(String source, int pos) {
        return pos == 0 ? 0 : source.lastIndexOf('\n', pos - 1) + 1;
    }

    /** A source file held in a string. */
    private static final class SourceFile extends SimpleJavaFileObject {
        private final String text;

        SourceFile(String fileName, String text) {
            super(URI.create("string:///" + fileName), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** A class file written into memory. */
    private static final class ClassOutput extends SimpleJavaFileObject {
        private final ByteArrayOutputStream bytes;

        ClassOutput(String binaryName, ByteArrayOutputStream bytes) {
            super(URI.create("mem:///" + binaryName.replace('.', '/') + ".class"), Kind.CLASS);
            this.bytes = bytes;
        }

        @Override
        public OutputStream openOutputStream() {
            bytes.reset();
            return bytes;
        }
    }

    /** Reads through the standard file manager, writes class files into {@link #outputs}. */
    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        final Map<String, ByteArrayOutputStream> outputs = new LinkedHashMap<>();

        MemoryFileManager(StandardJavaFileManager standard) {
            super(standard);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(JavaFileManager.Location location, String className,
                                                   JavaFileObject.Kind kind, FileObject sibling) throws IOException {
            if (location == StandardLocation.CLASS_OUTPUT && kind == JavaFileObject.Kind.CLASS) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                outputs.put(className, bytes);
                return new ClassOutput(className, bytes);
            }
            return super.getJavaFileForOutput(location, className, kind, sibling);
        }
    }
}
