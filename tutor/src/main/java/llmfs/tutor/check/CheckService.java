package llmfs.tutor.check;

import llmfs.tutor.course.Exercise;
import llmfs.tutor.workspace.Progress;
import llmfs.tutor.workspace.Workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Checking, from the learner's point of view: read the file, compile it, run its check in the check process,
 * record the attempt. This is the one class the user interface talks to.
 *
 * <p>Every check draws a fresh random seed, reported in the verdict; {@link #check(Exercise, long)} repeats a
 * check with a given seed so a failure can be reproduced.
 */
public final class CheckService implements AutoCloseable {
    private final Workspace workspace;
    private final Progress progress;
    private final LearnerCompiler compiler;
    private final CheckRunner runner;
    private final SecureRandom seeds = new SecureRandom();

    /**
     * @param workspace where the learner's files are; may be null when only {@link #checkFile} is used
     * @param progress  where attempts are recorded; may be null when only {@link #checkFile} is used
     */
    public CheckService(Workspace workspace, Progress progress, LearnerCompiler compiler, CheckRunner runner) {
        this.workspace = workspace;
        this.progress = progress;
        this.compiler = compiler;
        this.runner = runner;
    }

    /** A service with a default compiler and check runner. */
    public static CheckService create(Workspace workspace, Progress progress) {
        return new CheckService(workspace, progress, new LearnerCompiler(), new CheckRunner());
    }

    /** A service for checking arbitrary files (solutions, known-wrong variants); records nothing. */
    public static CheckService forFiles() {
        return create(null, null);
    }

    /**
     * Prepares in the background — loads the compiler and starts a check process — so the learner's first check
     * is fast. Returns at once.
     */
    public CompletableFuture<Void> warmUp() {
        runner.warmUp();
        return CompletableFuture.runAsync(compiler::warmUp);
    }

    /** Checks the learner's workspace file with a fresh seed and records the attempt. */
    public Verdict check(Exercise e) {
        return check(e, seeds.nextLong());
    }

    /** Checks the learner's workspace file with the given seed and records the attempt. */
    public Verdict check(Exercise e, long seed) {
        if (workspace == null || progress == null) {
            throw new IllegalStateException("this CheckService has no workspace; use checkFile");
        }
        Verdict v = checkFile(e, workspace.file(e), seed);
        try {
            progress.recordAttempt(e.id(), v);
        } catch (UncheckedIOException ex) {
            v = v.withNote("(Your progress could not be saved: " + ex.getMessage() + ")");
        }
        return v;
    }

    /** Checks any file as if it were the exercise's file, with a fresh seed; records nothing. */
    public Verdict checkFile(Exercise e, Path source) {
        return checkFile(e, source, seeds.nextLong());
    }

    /** Checks any file as if it were the exercise's file; records nothing. */
    public Verdict checkFile(Exercise e, Path source, long seed) {
        long t0 = System.nanoTime();
        runner.warmUp(); // if no check process is up yet, start one now, while compiling
        String text;
        try {
            text = readExerciseFile(source);
        } catch (RefusedFile ex) {
            return finish(Verdict.of(Verdict.Kind.COMPILE_ERROR, ex.getMessage(), ex.advice), t0, seed);
        } catch (NoSuchFileException ex) {
            return finish(Verdict.of(Verdict.Kind.COMPILE_ERROR, source.getFileName() + " is missing (" + source + ")",
                    "Restore it with the reset command, which copies the exercise's starting file back."), t0, seed);
        } catch (IOException ex) {
            return finish(Verdict.of(Verdict.Kind.COMPILE_ERROR, "cannot read " + source + ": " + ex.getMessage(),
                    "Check that the file is saved as UTF-8 text and readable."), t0, seed);
        }
        CompileResult compiled = compiler.compile(e.fileName(), text);
        if (!compiled.ok()) {
            int n = compiled.errors().size();
            String first = compiled.errors().get(0).split("\n", 2)[0];
            return finish(Verdict.of(Verdict.Kind.COMPILE_ERROR, first + (n > 1 ? " (and " + (n - 1) + " more)" : ""),
                    compiled.report()), t0, seed);
        }
        Verdict v = runner.run(new CheckRequest(e.check(), e.fileName(), compiled.classes(), seed, e.timeoutMs()));
        return finish(v, t0, seed);
    }

    /** The largest exercise file read; real solutions are a few KB. */
    static final int MAX_SOURCE_BYTES = 1 << 20;

    /**
     * Reads an exercise file, refusing anything but a plain file of reasonable size: a symbolic link could point at
     * another user's file or a secret, whose text would come back in compile errors; a FIFO or device would block
     * or never end. The refusal never shows the content.
     */
    static String readExerciseFile(Path source) throws IOException {
        if (Files.isSymbolicLink(source)) {
            throw new RefusedFile(source.getFileName() + " is a symbolic link; the tutor only checks a plain file",
                    "Replace the link with the file itself (the reset command restores the starting file).");
        }
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) throw new NoSuchFileException(source.toString());
        if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedFile(source.getFileName() + " is not a regular file; the tutor only checks a plain file",
                    "Replace it with the exercise's .java file (the reset command restores the starting file).");
        }
        // O_NOFOLLOW: a link swapped in after the test above is refused by the system call itself.
        try (SeekableByteChannel ch = Files.newByteChannel(source, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            if (ch.size() > MAX_SOURCE_BYTES) {
                throw new RefusedFile(source.getFileName() + " is " + ch.size() / 1024 + " KB; exercise files are at most "
                        + MAX_SOURCE_BYTES / 1024 + " KB", "An exercise needs a few dozen lines; remove what is not needed.");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) ch.size() + 1);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                if (buf.position() > MAX_SOURCE_BYTES) {
                    throw new RefusedFile(source.getFileName() + " grew past " + MAX_SOURCE_BYTES / 1024 + " KB while it was read",
                            "Save the file and check again.");
                }
            }
            return StandardCharsets.UTF_8.newDecoder().decode(buf.flip()).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException("it is not UTF-8 text", e);
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(source)) {
                throw new RefusedFile(source.getFileName() + " is a symbolic link; the tutor only checks a plain file",
                        "Replace the link with the file itself.");
            }
            throw e;
        }
    }

    /** An exercise file the tutor will not read. */
    private static final class RefusedFile extends IOException {
        final String advice;

        RefusedFile(String message, String advice) {
            super(message);
            this.advice = advice;
        }
    }

    private static Verdict finish(Verdict v, long t0, long seed) {
        return v.withSeed(seed).withMillis((System.nanoTime() - t0) / 1_000_000);
    }

    /** The check runner, e.g. to see how many check processes were started. */
    public CheckRunner runner() {
        return runner;
    }

    /** Stops the check process and releases the compiler. */
    @Override
    public void close() {
        runner.close();
        compiler.close();
    }
}
