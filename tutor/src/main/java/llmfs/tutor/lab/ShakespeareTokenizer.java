package llmfs.tutor.lab;

import llmfs.compute.data.Corpora;
import llmfs.compute.io.AtomicFiles;
import llmfs.compute.text.BpeFile;
import llmfs.compute.text.BpeTokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Part 3's tokenizer: character-level BPE with a vocabulary of 300 learned from Tiny Shakespeare, as in the course.
 * It is trained once and kept in the workspace ({@code checkpoints/shakespeare-300.bpe}, readable with any text
 * editor); later runs, the lab and the tokenizer playground load that file instead of training again.
 */
public final class ShakespeareTokenizer {
    private ShakespeareTokenizer() {}

    /** The corpus it learns from. */
    public static final String CORPUS = "tinyshakespeare.txt";
    /** The course's vocabulary size: 65 characters plus 235 merges. */
    public static final int VOCAB = 300;
    /** The cache file's name inside the workspace's {@code checkpoints} folder. */
    public static final String FILE = "shakespeare-300.bpe";

    /**
     * The tokenizer and where it came from.
     *
     * @param fromCache    true when it was read from the cache file, false when it was just trained
     * @param trainSeconds how long training took (0 when read from the cache)
     */
    public record Loaded(BpeTokenizer tokenizer, Path file, boolean fromCache, double trainSeconds) {}

    /** Where the tokenizer is cached in {@code workspace}. */
    public static Path cacheFile(Path workspace) {
        return workspace.resolve("checkpoints").resolve(FILE);
    }

    /**
     * Loads the cached tokenizer, or trains it (telling {@code listener}, which may be null, about each merge) and
     * saves it. A cache file that cannot be read, or holds a different kind of tokenizer, is replaced.
     *
     * @throws UncheckedIOException if the trained tokenizer cannot be saved
     */
    public static Loaded load(Path workspace, Corpora corpora, BpeTokenizer.Listener listener) {
        Path file = cacheFile(workspace);
        String text = corpora.text(CORPUS);
        if (Files.isRegularFile(file)) {
            try {
                BpeTokenizer cached = BpeFile.load(file);
                if (fits(cached, text)) return new Loaded(cached, file, true, 0);
            } catch (IOException | RuntimeException e) {
                // A damaged or foreign cache file: train again and overwrite it.
            }
        }
        long t0 = System.nanoTime();
        BpeTokenizer trained = BpeTokenizer.train(text, VOCAB, listener);
        double seconds = (System.nanoTime() - t0) / 1e9;
        try {
            AtomicFiles.writeString(file, BpeFile.format(trained));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the tokenizer to " + file + ": " + e.getMessage(), e);
        }
        return new Loaded(trained, file, false, seconds);
    }

    /** A cache is usable when it is a character-level vocabulary of 300 over exactly the corpus's characters. */
    private static boolean fits(BpeTokenizer t, String text) {
        if (t.byteLevel() || t.vocabSize() != VOCAB) return false;
        long distinct = text.codePoints().distinct().count();
        if (t.baseSize() != distinct) return false;
        for (int id = 0; id < t.baseSize(); id++) {
            if (text.indexOf(t.piece(id)) < 0) return false;
        }
        return true;
    }
}
