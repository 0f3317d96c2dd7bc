package llmfs.tutor.check;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which library classes and members learner code may use: an allow-list of packages (the basics of java.lang,
 * collections, functions, streams, maths, text and the compute module's public API), with the members of a few
 * java.lang classes narrowed further. Everything else — files, processes, the network, reflection, class loaders,
 * native code, threads, changing the JVM's global state — is refused when the file is compiled.
 *
 * <p>An allow-list rather than a list of known dangers: a new JDK class is refused until someone decides it is
 * harmless, instead of being allowed until someone notices it is not.
 */
final class ApiPolicy {
    /** Shown after every refusal. */
    static final String WHY = "learner code runs in a sandbox without files, processes, the network, reflection or "
            + "threads; exercises need only java.lang, java.util (collections, functions, streams), java.math and "
            + "the llmfs.compute API";

    /** Packages whose public classes are allowed as a whole (exact names). */
    private static final Set<String> PACKAGES = Set.of(
            "java.lang", "java.lang.annotation", "java.util", "java.util.function", "java.util.stream",
            "java.util.regex", "java.util.concurrent.atomic", "java.math", "java.text", "java.nio",
            "java.nio.charset", "jdk.incubator.vector");

    /** Packages allowed with all their subpackages. */
    private static final List<String> PACKAGE_TREES = List.of("java.time", "llmfs.compute");

    /** Packages (with subpackages) inside an allowed tree that are not part of the API for exercises. */
    private static final List<String> DENIED_TREES = List.of(
            "llmfs.compute.io", "llmfs.compute.bench", "llmfs.compute.backend", "llmfs.compute.kernel",
            "llmfs.compute.train");

    /** Classes in allowed packages that are refused as a whole. */
    private static final Set<String> DENIED_TYPES = Set.of(
            "java.lang.ClassLoader", "java.lang.Process", "java.lang.ProcessBuilder", "java.lang.ProcessHandle",
            "java.lang.ThreadGroup", "java.lang.SecurityManager", "java.lang.Module", "java.lang.ModuleLayer",
            "java.lang.StackWalker", "java.lang.Package", "java.lang.Compiler", "java.lang.InheritableThreadLocal",
            "java.util.ServiceLoader", "java.util.Timer", "java.util.TimerTask", "java.util.ResourceBundle",
            "java.util.PropertyResourceBundle", "java.util.ListResourceBundle",
            "llmfs.compute.data.Corpora", "llmfs.compute.text.BpeFile", "llmfs.compute.text.BpeBench");

    /** Classes from otherwise refused packages that are allowed (streams in memory, checked exceptions). */
    private static final Set<String> EXTRA_TYPES = Set.of(
            "java.io.PrintStream", "java.io.PrintWriter", "java.io.Serializable", "java.io.IOException",
            "java.io.UncheckedIOException", "java.io.EOFException", "java.io.Closeable", "java.io.Flushable",
            "java.io.InputStream", "java.io.OutputStream", "java.io.Reader", "java.io.Writer",
            "java.io.BufferedReader", "java.io.BufferedWriter", "java.io.StringReader", "java.io.StringWriter",
            "java.io.ByteArrayInputStream", "java.io.ByteArrayOutputStream", "java.io.InputStreamReader",
            "java.io.OutputStreamWriter", "java.io.CharArrayReader", "java.io.CharArrayWriter",
            "java.io.DataInputStream", "java.io.DataOutputStream",
            "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentMap",
            "java.util.concurrent.ConcurrentLinkedQueue", "java.util.concurrent.ConcurrentLinkedDeque",
            "java.util.concurrent.ConcurrentSkipListMap", "java.util.concurrent.ConcurrentSkipListSet",
            "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.CopyOnWriteArraySet",
            "java.util.concurrent.ThreadLocalRandom", "java.util.concurrent.TimeUnit",
            "java.util.concurrent.Callable");

    /** For these classes only the listed members may be used ({@code <init>} is a constructor). */
    private static final Map<String, Set<String>> MEMBERS = Map.of(
            "java.lang.System", Set.of("out", "err", "in", "currentTimeMillis", "nanoTime", "arraycopy",
                    "identityHashCode", "lineSeparator", "getProperty"),
            "java.lang.Runtime", Set.of("getRuntime", "availableProcessors", "freeMemory", "maxMemory",
                    "totalMemory"),
            "java.lang.Class", Set.of("getName", "getSimpleName", "getTypeName", "getCanonicalName", "isInstance",
                    "cast", "isArray", "isPrimitive", "isInterface", "isEnum", "isRecord", "getComponentType",
                    "isAssignableFrom", "toString", "equals", "hashCode", "desiredAssertionStatus",
                    "describeConstable", "componentType", "arrayType", "descriptorString"),
            "java.lang.Thread", Set.of("currentThread", "sleep", "onSpinWait", "interrupted", "isInterrupted",
                    "interrupt", "getName", "getId", "isAlive", "isDaemon", "getState", "holdsLock", "yield",
                    "toString", "join"));

    /** Members of otherwise allowed classes that change the whole process's state (kept across checks). */
    private static final Set<String> DENIED_MEMBERS = Set.of(
            "java.util.Locale.setDefault", "java.util.TimeZone.setDefault");

    /** Constructors whose String argument is a file name: {@code new PrintStream("out.txt")} writes a file. */
    private static final Set<String> FILE_NAME_CONSTRUCTORS = Set.of(
            "java.io.PrintStream", "java.io.PrintWriter", "java.util.Formatter");

    private ApiPolicy() {
    }

    /** Whether a library class (binary or canonical name, in package {@code pkg}) may be used at all. */
    static boolean typeAllowed(String pkg, String qualifiedName) {
        String outer = outermost(pkg, qualifiedName);
        if (DENIED_TYPES.contains(outer)) return false;
        if (EXTRA_TYPES.contains(outer)) return true;
        for (String denied : DENIED_TREES) {
            if (pkg.equals(denied) || pkg.startsWith(denied + ".")) return false;
        }
        if (PACKAGES.contains(pkg)) return true;
        for (String tree : PACKAGE_TREES) {
            if (pkg.equals(tree) || pkg.startsWith(tree + ".")) return true;
        }
        return false;
    }

    /**
     * Whether a member of an allowed library class may be used.
     *
     * @param owner             the qualified name of the class declaring the member
     * @param member            its name ({@code <init>} for a constructor)
     * @param firstParamIsString for constructors: whether the first parameter is a {@code String}
     */
    static boolean memberAllowed(String owner, String member, boolean firstParamIsString) {
        Set<String> members = MEMBERS.get(owner);
        if (members != null && !members.contains(member)) return false;
        if (DENIED_MEMBERS.contains(owner + "." + member)) return false;
        return !("<init>".equals(member) && firstParamIsString && FILE_NAME_CONSTRUCTORS.contains(owner));
    }

    /** Whether a class of this library type may be subclassed anonymously (not when constructors are narrowed). */
    static boolean subclassAllowed(String qualifiedName) {
        return !FILE_NAME_CONSTRUCTORS.contains(qualifiedName) && !"java.lang.Thread".equals(qualifiedName);
    }

    /** Whether learner classes may be declared in this package (not in the JDK's or the tutor's). */
    static boolean packageDeclarationAllowed(String pkg) {
        for (String reserved : List.of("java", "javax", "jdk", "sun", "com.sun", "llmfs")) {
            if (pkg.equals(reserved) || pkg.startsWith(reserved + ".")) return false;
        }
        return true;
    }

    /** {@code java.util.Map} for {@code java.util.Map.Entry}: nested classes follow their outermost class. */
    private static String outermost(String pkg, String qualifiedName) {
        if (pkg.isEmpty()) return qualifiedName;
        String rest = qualifiedName.length() > pkg.length() ? qualifiedName.substring(pkg.length() + 1) : qualifiedName;
        int dot = rest.indexOf('.');
        return pkg + "." + (dot < 0 ? rest : rest.substring(0, dot));
    }
}
