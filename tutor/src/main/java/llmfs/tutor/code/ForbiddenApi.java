package llmfs.tutor.code;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A screen run on generated code before it is compiled: the corpus methods are pure computations, so a method that
 * names the file system, the network, processes, threads, reflection or {@code System.exit} is rejected as using a
 * forbidden API without being run at all. Comments and string literals are ignored. The check process's own limits
 * (time, memory, a separate JVM) stay in place behind this screen.
 */
public final class ForbiddenApi {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\bSystem\\s*\\.\\s*(exit|setOut|setErr|setIn|getenv|setProperty|getProperties|load|loadLibrary|console)\\b"
                    + "|\\b(Runtime|ProcessBuilder|ProcessHandle|Process|Thread|ThreadGroup|Executors|ExecutorService"
                    + "|ForkJoinPool|CompletableFuture|Timer|File|Files|Path|Paths|FileSystems|FileWriter|FileReader"
                    + "|FileOutputStream|FileInputStream|RandomAccessFile|Socket|ServerSocket|URL|URI|HttpClient"
                    + "|ClassLoader|MethodHandles|Unsafe|SecurityManager|Native)\\b"
                    + "|\\bjava\\s*\\.\\s*(io|nio|net|lang\\s*\\.\\s*reflect|lang\\s*\\.\\s*invoke)\\b"
                    + "|\\bClass\\s*\\.\\s*forName\\b|\\bgetClass\\s*\\(|\\bgetDeclared\\w*\\s*\\(|\\bsetAccessible\\s*\\(");

    private ForbiddenApi() {}

    /** The first forbidden name the code uses, if any. */
    public static Optional<String> find(String code) {
        Matcher m = FORBIDDEN.matcher(codeOnly(code));
        return m.find() ? Optional.of(m.group().replaceAll("\\s+", "").replaceAll("\\($", "")) : Optional.empty();
    }

    /** {@code code} with comments and the contents of string and char literals blanked out (lengths kept). */
    static String codeOnly(String code) {
        StringBuilder sb = new StringBuilder(code);
        int i = 0, n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                while (i < n && code.charAt(i) != '\n') sb.setCharAt(i++, ' ');
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                while (i < end) {
                    if (code.charAt(i) != '\n') sb.setCharAt(i, ' ');
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && code.charAt(i) != c && code.charAt(i) != '\n') {
                    if (code.charAt(i) == '\\' && i + 1 < n) sb.setCharAt(i++, ' ');
                    sb.setCharAt(i++, ' ');
                }
                i++;
            } else {
                i++;
            }
        }
        return sb.toString();
    }
}
