package llmfs.compute.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's {@code corpora/} directory: finds it, loads its files and checks every file against the sha256
 * recorded in {@code corpora/checksums.sha256} before handing out a single byte.
 *
 * <p>Verification matters because every figure the course quotes (6,184 names, 65 characters, ...) depends on
 * the exact bytes; a file changed by an editor or a line-ending conversion would silently change them. Each
 * file is hashed once per instance: the verified content is kept, so later loads neither re-read nor re-hash
 * it and always return the bytes that were checked.
 *
 * <p>Instances are safe to share between threads.
 */
public final class Corpora {
    /** The checksum list inside the corpora directory, in {@code sha256sum} format. */
    public static final String CHECKSUMS = "checksums.sha256";
    /** Name of the corpora directory below the project's root. */
    public static final String DIR_NAME = "corpora";
    /** System property naming the project's root directory (the one holding {@code corpora/}). */
    public static final String HOME_PROPERTY = "llmfs.home";
    /** Environment variable naming the project's root directory; consulted after {@link #HOME_PROPERTY}. */
    public static final String HOME_ENV = "TUTOR_HOME";

    // "<64 hex><space><space or * (binary mode)><file name>", as written by sha256sum.
    private static final Pattern CHECKSUM_LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)");

    private final Path dir;
    private final Map<String, String> expected;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

    /**
     * Opens a corpora directory and reads its checksum list.
     *
     * @param dir the directory holding {@code checksums.sha256} and the corpus files
     * @throws CorpusException if the checksum list is missing, unreadable or malformed
     */
    public Corpora(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.expected = readChecksums(this.dir);
    }

    /**
     * Finds the corpora directory: first under the root named by the system property {@value #HOME_PROPERTY},
     * then under the root named by the environment variable {@value #HOME_ENV}, then in the current directory
     * and each of its parents (a directory qualifies when it holds {@code corpora/checksums.sha256}). A
     * setting that points at the {@code corpora} directory itself is accepted too.
     *
     * @throws CorpusException listing every place that was tried and how to fix the setup
     */
    public static Corpora locate() {
        return locate(System.getProperty(HOME_PROPERTY), System.getenv(HOME_ENV), Path.of("").toAbsolutePath());
    }

    /** {@link #locate()} with its three inputs made explicit, so the search order can be tested. */
    static Corpora locate(String homeProperty, String homeEnv, Path start) {
        List<String> tried = new ArrayList<>();
        Path found = fromSetting("system property " + HOME_PROPERTY, homeProperty, tried);
        if (found == null) found = fromSetting("environment variable " + HOME_ENV, homeEnv, tried);
        if (found == null) {
            Path from = start.toAbsolutePath().normalize();
            for (Path p = from; p != null && found == null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve(DIR_NAME).resolve(CHECKSUMS))) found = p.resolve(DIR_NAME);
            }
            if (found == null) {
                tried.add("the current directory " + from + " and every parent: none holds "
                        + DIR_NAME + "/" + CHECKSUMS);
            }
        }
        if (found != null) return new Corpora(found);
        throw new CorpusException(DIR_NAME,
                "Cannot find the corpora directory (a folder named '" + DIR_NAME + "' holding " + CHECKSUMS
                        + "). Looked at:\n  - " + String.join("\n  - ", tried)
                        + "\nFix: start the tutor from inside the project folder, or set " + HOME_ENV
                        + " (or -D" + HOME_PROPERTY + "=...) to the project folder that contains "
                        + DIR_NAME + "/.");
    }

    private static Path fromSetting(String what, String value, List<String> tried) {
        if (value == null || value.isBlank()) {
            tried.add(what + ": not set");
            return null;
        }
        Path root;
        try {
            root = Path.of(value.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            tried.add(what + "=" + value + ": not a valid path (" + e.getReason() + ")");
            return null;
        }
        if (Files.isRegularFile(root.resolve(DIR_NAME).resolve(CHECKSUMS))) return root.resolve(DIR_NAME);
        if (Files.isRegularFile(root.resolve(CHECKSUMS))) return root;
        tried.add(what + "=" + value + ": " + root.resolve(DIR_NAME).resolve(CHECKSUMS) + " does not exist");
        return null;
    }

    private static Map<String, String> readChecksums(Path dir) {
        Path file = dir.resolve(CHECKSUMS);
        if (!Files.isRegularFile(file)) {
            throw new CorpusException(CHECKSUMS, "The checksum list " + file + " is missing, so no corpus file"
                    + " can be verified. Restore it with `git checkout -- " + DIR_NAME + "/" + CHECKSUMS + "`.");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CorpusException(CHECKSUMS, "Cannot read the checksum list " + file + ": " + e.getMessage()
                    + ". Check the file's permissions, or restore it with `git checkout -- " + DIR_NAME + "/"
                    + CHECKSUMS + "`.", e);
        }
        Map<String, String> sums = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            Matcher m = CHECKSUM_LINE.matcher(line);
            String name = m.matches() ? m.group(2) : null;
            // Only plain names: the loader never reaches outside its own directory.
            if (name == null || name.contains("/") || name.contains("\\") || name.equals("..")) {
                throw new CorpusException(CHECKSUMS, "Line " + (i + 1) + " of " + file
                        + " is not '<64 hex digits>  <file name>': \"" + line + "\". Restore the list with"
                        + " `git checkout -- " + DIR_NAME + "/" + CHECKSUMS + "`.");
            }
            sums.put(name, m.group(1).toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableMap(sums);
    }

    /** The corpora directory (absolute). */
    public Path dir() {
        return dir;
    }

    /** The file names listed in the checksum list, in its order: the only names the loader accepts. */
    public Set<String> fileNames() {
        return expected.keySet();
    }

    /**
     * The verified content of a corpus file.
     *
     * @param fileName a bare file name listed in {@code checksums.sha256}, e.g. {@code "tinyshakespeare.txt"}
     * @return a fresh copy of the file's bytes
     * @throws CorpusException if the name is unknown, or the file is missing, unreadable or altered
     */
    public byte[] bytes(String fileName) {
        return verifiedBytes(fileName).clone();
    }

    /**
     * The verified content of a corpus file decoded as UTF-8.
     *
     * @throws CorpusException as for {@link #bytes(String)}, or if the file is not valid UTF-8
     */
    public String text(String fileName) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(verifiedBytes(fileName)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CorpusException(fileName, "Corpus file " + fileName + " is not valid UTF-8 text (" + e
                    + "); it cannot be read as text. Load it with bytes(...) instead.", e);
        }
    }

    /**
     * The verified content of a corpus file as lines, without their terminators (LF, CRLF and CR all end a
     * line; a final terminator does not start an extra empty line).
     *
     * @throws CorpusException as for {@link #text(String)}
     */
    public List<String> lines(String fileName) {
        return text(fileName).lines().toList();
    }

    private byte[] verifiedBytes(String fileName) {
        byte[] cached = verified.get(fileName);
        if (cached != null) return cached;
        String want = expected.get(fileName);
        Path file = dir.resolve(CHECKSUMS);
        if (want == null) {
            throw new CorpusException(fileName, "'" + fileName + "' is not a known corpus file: it is not listed in "
                    + file + ". Known files: " + String.join(", ", expected.keySet())
                    + ". Check the spelling, or add the file together with its sha256 line to " + CHECKSUMS + ".");
        }
        Path path = dir.resolve(fileName);
        String restore = "Restore it with `git checkout -- " + DIR_NAME + "/" + fileName
                + "` (run in the project folder).";
        if (!Files.isRegularFile(path)) {
            throw new CorpusException(fileName, "Corpus file " + fileName + " is missing: expected it at " + path
                    + " (sha256 " + want + "). " + restore);
        }
        byte[] data;
        try {
            data = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new CorpusException(fileName, "Cannot read corpus file " + path + ": " + e.getMessage()
                    + ". Check its permissions. " + restore, e);
        }
        String got = sha256Hex(data);
        if (!got.equals(want)) {
            throw new CorpusException(fileName, "Corpus file " + fileName + " has been changed or damaged: its"
                    + " content does not match the recorded checksum.\n  file:            " + path
                    + "\n  expected sha256: " + want + "\n  actual sha256:   " + got + "\n" + restore
                    + " Line-ending conversion by an editor or by git settings is a common cause.");
        }
        byte[] prev = verified.putIfAbsent(fileName, data);
        return prev != null ? prev : data;
    }

    /** Lower-case hex sha256 of {@code data}. */
    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime is required to provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "Corpora[" + dir + ", " + expected.size() + " files]";
    }
}
