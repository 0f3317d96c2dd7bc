package llmfs.tutor.workspace;

import llmfs.tutor.course.Course;
import llmfs.tutor.course.Exercise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The learner's own folder: a copy of every exercise template, which the learner edits, plus the progress file.
 *
 * <p>The folder is {@code ./workspace} unless the command line ({@code --workspace DIR}) or the environment
 * variable {@code TUTOR_WORKSPACE} names another. Nothing here ever overwrites a learner's file without keeping a
 * copy: {@link #ensureCreated} only adds missing files and {@link #reset} saves a backup first.
 */
public final class Workspace {
    /** Environment variable naming the workspace folder. */
    public static final String ENV = "TUTOR_WORKSPACE";
    /** The folder used when nothing else is given, relative to the current directory. */
    public static final String DEFAULT_DIR = "workspace";
    /** Name of the progress file inside the workspace. */
    public static final String PROGRESS_FILE = "progress.txt";

    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String README = """
            This folder is your workspace for "LLM from Scratch".

            Every exercise of the course has a file here (part1/, part2/, ...). Open it in your editor,
            replace the parts marked TODO, and save: the tutor checks your code and tells you what it found.

            progress.txt records which exercises you have passed and how your labs went. It is plain
            text; you can read it, but edit it only with care.

            The tutor never overwrites your files. `reset` restores an exercise's starting file and
            keeps your version next to it as <File>.java.bak-<date>-<time>.
            """;

    private final Path dir;

    /** A workspace in {@code dir} (created by {@link #ensureCreated}). */
    public Workspace(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * The workspace named on the command line, else by {@code TUTOR_WORKSPACE}, else {@code ./workspace}.
     *
     * @param cliDir the value of {@code --workspace}, or null
     */
    public static Workspace locate(String cliDir) {
        return locate(cliDir, System.getenv(ENV), Path.of(""));
    }

    /** {@link #locate(String)} with the environment and current directory made explicit. */
    public static Workspace locate(String cliDir, String env, Path currentDir) {
        if (cliDir != null && !cliDir.isBlank()) return new Workspace(currentDir.resolve(cliDir));
        if (env != null && !env.isBlank()) return new Workspace(currentDir.resolve(env));
        return new Workspace(currentDir.resolve(DEFAULT_DIR));
    }

    /** The workspace folder. */
    public Path dir() {
        return dir;
    }

    /** The learner's copy of an exercise, e.g. {@code workspace/part1/Vocabulary.java}. */
    public Path file(Exercise e) {
        return dir.resolve(e.file());
    }

    /** {@code workspace/progress.txt}. */
    public Path progressFile() {
        return dir.resolve(PROGRESS_FILE);
    }

    /** True once {@link #ensureCreated} has made the folder. */
    public boolean exists() {
        return Files.isDirectory(dir);
    }

    /**
     * Creates the workspace if needed and copies every template that is missing; existing files are left alone.
     *
     * @return the files that were copied (empty when everything was already there)
     * @throws UncheckedIOException naming the file that could not be created
     */
    public List<Path> ensureCreated(Course course) {
        List<Path> copied = new ArrayList<>();
        createDirectories(dir);
        Path readme = dir.resolve("README.txt");
        if (!Files.exists(readme)) {
            try {
                Files.writeString(readme, README, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + readme + ": " + e.getMessage(), e);
            }
        }
        for (Exercise e : course.exercises()) {
            Path target = file(e);
            if (Files.exists(target)) continue;
            createDirectories(target.getParent());
            try {
                Files.copy(e.template(), target);
                copied.add(target);
            } catch (FileAlreadyExistsException raced) {
                // created meanwhile by the learner: theirs wins
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot copy the template of exercise " + e.id() + " to " + target
                        + ": " + ex.getMessage(), ex);
            }
        }
        return copied;
    }

    /**
     * Puts the exercise's template back. If the learner's file exists and differs from the template, it is first
     * moved aside to {@code <file>.bak-<yyyyMMdd-HHmmss>}.
     *
     * @return the backup, if one was made
     */
    public Optional<Path> reset(Exercise e) {
        Path target = file(e);
        Path backup = null;
        try {
            if (Files.exists(target) && !isUntouched(e)) {
                backup = freeBackupName(target);
                Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
            }
            createDirectories(target.getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".restoring");
            Files.copy(e.template(), tmp, StandardCopyOption.REPLACE_EXISTING);
            // A rename, so an editor or the watcher never sees a half-written file.
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot reset exercise " + e.id() + " (" + target + "): " + ex.getMessage(), ex);
        }
        return Optional.ofNullable(backup);
    }

    /**
     * True when the learner's file still has exactly the template's content (line endings aside), or is missing.
     */
    public boolean isUntouched(Exercise e) {
        Path target = file(e);
        if (!Files.exists(target)) return true;
        try {
            byte[] mine = Files.readAllBytes(target);
            byte[] template = Files.readAllBytes(e.template());
            return Arrays.equals(mine, template) || normalise(mine).equals(normalise(template));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot compare " + target + " with its template: " + ex.getMessage(), ex);
        }
    }

    private static String normalise(byte[] text) {
        return new String(text, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private static Path freeBackupName(Path target) {
        String base = target.getFileName() + ".bak-" + LocalDateTime.now().format(BACKUP_STAMP);
        Path candidate = target.resolveSibling(base);
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = target.resolveSibling(base + "-" + i);
        }
        return candidate;
    }

    private static void createDirectories(Path d) {
        createFolder(d);
    }

    /**
     * Creates folder {@code d} (and its parents), or fails with one sentence saying why in the learner's terms:
     * permission denied, a file where a folder should be, a read-only disk.
     *
     * @throws UncheckedIOException "cannot create the folder D: REASON"
     */
    public static Path createFolder(Path d) {
        try {
            return Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + d + ": " + reason(d, e), e);
        }
    }

    /** Why {@code d} could not be created, naming the part of the path that is in the way. */
    static String reason(Path d, IOException e) {
        Path blocker = d.toAbsolutePath();
        while (blocker != null && !Files.exists(blocker)) blocker = blocker.getParent();
        if (blocker != null && !Files.isDirectory(blocker)) {
            return blocker + " is a file, not a folder; choose another --workspace";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied" + (blocker != null ? " (you cannot write to " + blocker + ")" : "")
                    + "; choose a folder you own with --workspace or $TUTOR_WORKSPACE";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            String r = fse.getReason();
            if (r.toLowerCase(java.util.Locale.ROOT).contains("read-only")) return "the disk is read-only (" + r + ")";
            return r;
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    @Override
    public String toString() {
        return "Workspace[" + dir + "]";
    }
}
