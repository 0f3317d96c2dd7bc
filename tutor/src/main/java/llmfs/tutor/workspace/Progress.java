package llmfs.tutor.workspace;

import llmfs.tutor.check.Verdict;
import llmfs.tutor.course.Exercise;
import llmfs.tutor.course.Part;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The learner's progress, kept in a small human-readable text file ({@code workspace/progress.txt}).
 *
 * <h2>File format</h2>
 * UTF-8 text, one record per line; blank lines and lines starting with {@code #} are comments. Fields are separated
 * by spaces.
 * <pre>
 * # LLM from Scratch progress — one line per exercise or lab. Safe to read; edit with care.
 * exercise 1.1 passed 2026-11-24T13:05:00Z attempts=3 hints=1
 * exercise 1.2 failed 2026-11-24T13:09:12Z attempts=1 hints=0
 * exercise 1.3 started 2026-11-24T13:10:40Z attempts=0 hints=1
 * lab names 2026-11-24T14:00:03Z checkpoint=checkpoints/names.safetensors step=1200 trainLoss=1.52 valLoss=1.60
 * </pre>
 * <ul>
 *   <li>{@code exercise ID STATUS TIME attempts=N hints=N}: STATUS is {@code started} (hints taken, never
 *       checked), {@code failed} (checked, never passed) or {@code passed} (passed at least once); TIME is the
 *       last recorded attempt or hint, an ISO-8601 UTC instant. An exercise without a line is not started.</li>
 *   <li>{@code lab ID [TIME] NAME=VALUE...}: facts about the lab's last run, in the order recorded. In values, a
 *       space is written {@code %20}, a tab {@code %09}, a line break {@code %0A}/{@code %0D} and a percent sign
 *       {@code %25}.</li>
 * </ul>
 *
 * <h2>Safety</h2>
 * Every change is written at once and atomically: to a temporary file in the same folder, flushed to disk, then
 * renamed over the old file (and the folder flushed), so a crash leaves either the old or the new file, never a
 * mix. A file that was edited by hand and no longer parses never stops the tutor: lines that cannot be understood
 * are skipped and listed by {@link #warnings()}, and before the next write replaces such a file, the original is
 * kept as {@code progress.txt.corrupt-<time>}.
 *
 * <h2>Several tutor processes at once</h2>
 * The full-screen UI, {@code watch}, {@code train} and {@code check} may run at the same time on one workspace (two
 * SSH windows, say). Every change is a read-modify-write done under an exclusive lock on the sidecar file
 * {@code progress.txt.lock} (an OS file lock, so it also holds between processes, and is released by the OS if a
 * process dies): the file is read again under the lock, only this change is applied to what is on disk, and the
 * result is written atomically. A long-lived process therefore never writes back a stale copy over records that
 * another process added. Readers take no lock (the rename makes every read see a whole file) and re-read the file
 * whenever it has changed on disk, so every view shows what the other processes recorded.
 *
 * <p>All methods are thread-safe. Only the tutor process writes this file; learner code never gets to it.
 */
public final class Progress {
    /** First line of every file written. */
    static final String HEADER =
            "# LLM from Scratch progress — one line per exercise or lab. Safe to read; edit with care.";
    private static final Pattern EXERCISE_ID = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern LESSON_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]*");
    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Suffix of the sidecar file whose OS lock guards every read-modify-write. */
    static final String LOCK_SUFFIX = ".lock";
    /**
     * One lock per progress file for the threads of this JVM: an OS file lock is held by the whole process, so two
     * {@code Progress} objects of one JVM on the same file must also take turns here (and a second
     * {@link FileChannel#lock()} by the same process would fail with OverlappingFileLockException).
     */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private final Clock clock;
    private final Map<String, ExerciseState> exercises = new TreeMap<>(Progress::compareIds);
    private final Map<String, LabState> labs = new LinkedHashMap<>();
    /** Lessons opened, by lesson id, with when they were first opened. */
    private final Map<String, Instant> lessonsRead = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    /** What the file looked like when last read or written (null: absent); a different one means re-read. */
    private Object onDisk;
    private Path corruptCopy;

    private Progress(Path file, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + LOCK_SUFFIX);
        this.clock = clock;
    }

    /**
     * Reads the progress file, or starts empty if it does not exist. Never fails on content: unreadable lines are
     * skipped and reported by {@link #warnings()}.
     *
     * @throws UncheckedIOException only if an existing file cannot be read at all
     */
    public static Progress load(Path file) {
        return load(file, Clock.systemUTC());
    }

    /** {@link #load(Path)} with the clock used for timestamps made explicit. */
    public static Progress load(Path file, Clock clock) {
        Progress p = new Progress(file, clock);
        synchronized (p) {
            p.read();
        }
        return p;
    }

    /** The file this progress lives in. */
    public Path file() {
        return file;
    }

    /** Problems found while loading, one line each, naming the line number; empty for a clean file. */
    public synchronized List<String> warnings() {
        refresh();
        return List.copyOf(warnings);
    }

    /** Where the unparseable original was kept, once a write has replaced it; empty otherwise. */
    public synchronized Optional<Path> corruptCopy() {
        return Optional.ofNullable(corruptCopy);
    }

    /** The recorded state of one exercise ({@link ExerciseStatus#NOT_STARTED} if nothing is recorded). */
    public synchronized ExerciseState state(String exerciseId) {
        refresh();
        return stateOnRecord(exerciseId);
    }

    private ExerciseState stateOnRecord(String exerciseId) {
        ExerciseState s = exercises.get(exerciseId);
        return s != null ? s : ExerciseState.notStarted(exerciseId);
    }

    /** Records a check of an exercise and saves the file. A pass is kept even if later attempts fail. */
    public synchronized ExerciseState recordAttempt(String exerciseId, Verdict verdict) {
        requireExerciseId(exerciseId);
        return update(() -> {
            ExerciseState old = stateOnRecord(exerciseId);
            ExerciseStatus status = verdict.passed() || old.passed() ? ExerciseStatus.PASSED : ExerciseStatus.FAILED;
            ExerciseState now = new ExerciseState(exerciseId, status, now(), old.attempts() + 1, old.hints());
            exercises.put(exerciseId, now);
            return now;
        });
    }

    /** Records that one more hint was revealed and saves the file; returns the number of hints taken so far. */
    public synchronized int recordHint(String exerciseId) {
        requireExerciseId(exerciseId);
        return update(() -> {
            ExerciseState old = stateOnRecord(exerciseId);
            ExerciseStatus status = old.status() == ExerciseStatus.NOT_STARTED ? ExerciseStatus.STARTED : old.status();
            ExerciseState now = new ExerciseState(exerciseId, status, now(), old.attempts(), old.hints() + 1);
            exercises.put(exerciseId, now);
            return now.hints();
        });
    }

    /**
     * Records the facts of a lab run (replacing the previous run's) and saves the file.
     *
     * @param facts name to value; names are letters, digits, {@code _ . -} starting with a letter
     */
    public synchronized LabState markLab(String labId, Map<String, String> facts) {
        if (labId == null || !NAME.matcher(labId).matches()) {
            throw new IllegalArgumentException("lab id must be a word like \"names\", got \"" + labId + "\"");
        }
        for (Map.Entry<String, String> f : facts.entrySet()) {
            if (!NAME.matcher(f.getKey()).matches()) {
                throw new IllegalArgumentException("lab fact name must be a word like \"valLoss\", got \"" + f.getKey() + "\"");
            }
            if (f.getValue() == null) throw new IllegalArgumentException("lab fact " + f.getKey() + " has no value");
        }
        LabState state = new LabState(labId, now(), facts);
        return update(() -> {
            labs.put(labId, state);
            return state;
        });
    }

    /** Shortcut for the usual facts of a training lab. */
    public LabState markLab(String labId, String checkpoint, long step, double trainLoss, double valLoss) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("checkpoint", checkpoint);
        facts.put("step", Long.toString(step));
        facts.put("trainLoss", String.format(Locale.ROOT, "%.4f", trainLoss));
        facts.put("valLoss", String.format(Locale.ROOT, "%.4f", valLoss));
        return markLab(labId, facts);
    }

    /**
     * Records that a lesson was opened and saves the file; a lesson already recorded keeps its first time (and the
     * file is not rewritten).
     */
    public synchronized void markLessonRead(String lessonId) {
        if (lessonId == null || !LESSON_ID.matcher(lessonId).matches()) {
            throw new IllegalArgumentException("lesson id must look like \"1-3\", got \"" + lessonId + "\"");
        }
        refresh();
        if (lessonsRead.containsKey(lessonId)) return;
        update(() -> lessonsRead.putIfAbsent(lessonId, now()));
    }

    /** Whether the lesson has been opened. */
    public synchronized boolean lessonRead(String lessonId) {
        refresh();
        return lessonsRead.containsKey(lessonId);
    }

    /** The recorded lab, if any. */
    public synchronized Optional<LabState> lab(String labId) {
        refresh();
        return Optional.ofNullable(labs.get(labId));
    }

    /** How many of the part's exercises have passed. */
    public synchronized int passedCount(Part part) {
        refresh();
        int n = 0;
        for (Exercise e : part.exercises()) {
            if (stateOnRecord(e.id()).passed()) n++;
        }
        return n;
    }

    /** Every exercise with a record, in id order. */
    public synchronized List<ExerciseState> exercises() {
        refresh();
        return List.copyOf(exercises.values());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static void requireExerciseId(String id) {
        if (id == null || !EXERCISE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("exercise id must look like \"1.2\", got \"" + id + "\"");
        }
    }

    /** Orders "1.2" before "1.10" and part 2 after part 1. */
    private static int compareIds(String a, String b) {
        return Comparator.<String>comparingLong(s -> Long.parseLong(s.substring(0, s.indexOf('.'))))
                .thenComparingLong(s -> Long.parseLong(s.substring(s.indexOf('.') + 1)))
                .compare(a, b);
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /** Re-reads the file if another process (or another object of this one) changed it since we last saw it. */
    private void refresh() {
        if (!Objects.equals(onDisk, stamp())) read();
    }

    /**
     * Identifies the file's current version without reading it: the inode changes with every atomic rename, the
     * time and size catch edits made in place by hand.
     */
    private Object stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size());
        } catch (IOException e) {
            return null;
        }
    }

    /** Replaces the in-memory records with what the file holds now. */
    private void read() {
        exercises.clear();
        labs.clear();
        lessonsRead.clear();
        warnings.clear();
        byte[] bytes;
        Object stampBefore = stamp();
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            onDisk = null;
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the progress file " + file + ": " + e.getMessage(), e);
        }
        // A rename between stamp() and the read at worst makes the next call read the file once more.
        onDisk = stampBefore;
        // new String(...) replaces malformed bytes instead of failing, which is what we want here.
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String problem = parseLine(line);
            if (problem != null) {
                warnings.add(file.getFileName() + " line " + (i + 1) + ": " + problem + " — skipped: \"" + shorten(line) + "\"");
            }
        }
    }

    /** Parses one line into the maps; returns what is wrong with it, or null if it was fine. */
    private String parseLine(String line) {
        String[] t = line.split("\\s+");
        switch (t[0]) {
            case "exercise":
                return parseExercise(t);
            case "lab":
                return parseLab(t);
            case "lesson":
                return parseLesson(t);
            default:
                return "a line must start with \"exercise\", \"lesson\" or \"lab\"";
        }
    }

    private String parseExercise(String[] t) {
        String usage = "expected: exercise ID passed|failed|started TIME attempts=N hints=N";
        if (t.length < 4) return usage;
        if (!EXERCISE_ID.matcher(t[1]).matches()) return "\"" + t[1] + "\" is not an exercise id like 1.2";
        ExerciseStatus status = ExerciseStatus.fromWord(t[2]);
        if (status == null) return "\"" + t[2] + "\" is not a status (passed, failed or started)";
        Instant at;
        try {
            at = Instant.parse(t[3]);
        } catch (DateTimeParseException e) {
            return "\"" + t[3] + "\" is not a time like 2026-11-24T13:05:00Z";
        }
        int attempts = 0;
        int hints = 0;
        for (int i = 4; i < t.length; i++) {
            int eq = t[i].indexOf('=');
            String key = eq < 0 ? t[i] : t[i].substring(0, eq);
            String value = eq < 0 ? "" : t[i].substring(eq + 1);
            Integer n = count(value);
            if (!key.equals("attempts") && !key.equals("hints")) return "unknown field \"" + t[i] + "\"; " + usage;
            if (n == null) return "\"" + t[i] + "\" needs a whole number ≥ 0";
            if (key.equals("attempts")) attempts = n;
            else hints = n;
        }
        if (exercises.containsKey(t[1])) {
            warnings.add(file.getFileName() + ": exercise " + t[1] + " is listed more than once; the last line counts");
        }
        exercises.put(t[1], new ExerciseState(t[1], status, at, attempts, hints));
        return null;
    }

    private String parseLesson(String[] t) {
        String usage = "expected: lesson ID TIME";
        if (t.length != 3 || !LESSON_ID.matcher(t[1]).matches()) return usage;
        try {
            lessonsRead.put(t[1], Instant.parse(t[2]));
        } catch (DateTimeParseException e) {
            return "\"" + t[2] + "\" is not a time like 2026-11-24T13:05:00Z";
        }
        return null;
    }

    private String parseLab(String[] t) {
        if (t.length < 2 || !NAME.matcher(t[1]).matches()) return "expected: lab ID [TIME] NAME=VALUE ...";
        Instant at = null;
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 2; i < t.length; i++) {
            int eq = t[i].indexOf('=');
            if (eq < 0) {
                if (i == 2) {
                    try {
                        at = Instant.parse(t[i]);
                        continue;
                    } catch (DateTimeParseException e) {
                        return "\"" + t[i] + "\" is neither a time nor NAME=VALUE";
                    }
                }
                return "\"" + t[i] + "\" is not NAME=VALUE";
            }
            String key = t[i].substring(0, eq);
            if (!NAME.matcher(key).matches()) return "\"" + key + "\" is not a fact name";
            String value = unescape(t[i].substring(eq + 1));
            if (value == null) return "\"" + t[i] + "\" has a broken %-escape";
            facts.put(key, value);
        }
        labs.put(t[1], new LabState(t[1], at, facts));
        return null;
    }

    private static Integer count(String s) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) return null;
        return Integer.parseInt(s);
    }

    private static String shorten(String line) {
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }

    // ---- writing -------------------------------------------------------------------------------------------

    private String render() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (ExerciseState s : exercises.values()) {
            sb.append("exercise ").append(s.id()).append(' ').append(s.status().word()).append(' ')
                    .append(s.updated()).append(" attempts=").append(s.attempts()).append(" hints=").append(s.hints())
                    .append('\n');
        }
        lessonsRead.forEach((id, at) -> sb.append("lesson ").append(id).append(' ').append(at).append('\n'));
        for (LabState l : labs.values()) {
            sb.append("lab ").append(l.id());
            if (l.updated() != null) sb.append(' ').append(l.updated());
            l.facts().forEach((k, v) -> sb.append(' ').append(k).append('=').append(escape(v)));
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Merge-on-write: under the in-process and the file lock, re-reads the file, applies {@code change} to what is
     * on disk now (never to a stale copy), and writes the result atomically.
     */
    private synchronized <T> T update(Supplier<T> change) {
        Path dir = file.getParent();
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        inProcess.lock();
        try {
            Files.createDirectories(dir);
            try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockChannel.lock()) {
                read();
                boolean keepOriginal = !warnings.isEmpty() && Files.exists(file);
                T result = change.get();
                if (keepOriginal) {
                    Path copy = dir.resolve(file.getFileName() + ".corrupt-" + FILE_STAMP.format(clock.instant()));
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    corruptCopy = copy;
                }
                writeAtomically(dir, render().getBytes(StandardCharsets.UTF_8));
                warnings.clear(); // the file now holds only what could be read
                onDisk = stamp();
                return result;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the progress file " + file + ": " + e.getMessage(), e);
        } finally {
            inProcess.unlock();
        }
    }

    private void writeAtomically(Path dir, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + "-", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Makes the rename itself durable. Not every platform can open a directory; there it is skipped. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // e.g. Windows: directories cannot be opened as channels; the rename is still atomic
        }
    }

    static String escape(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (char c : v.toCharArray()) {
            switch (c) {
                case '%' -> sb.append("%25");
                case ' ' -> sb.append("%20");
                case '\t' -> sb.append("%09");
                case '\n' -> sb.append("%0A");
                case '\r' -> sb.append("%0D");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The inverse of {@link #escape}; null for a broken escape. */
    static String unescape(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            if (i + 2 >= v.length()) return null;
            try {
                sb.append((char) Integer.parseInt(v.substring(i + 1, i + 3), 16));
            } catch (NumberFormatException e) {
                return null;
            }
            i += 2;
        }
        return sb.toString();
    }
}
