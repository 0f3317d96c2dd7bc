package llmfs.tui.screens;

import llmfs.compute.text.BpeTokenizer;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Trains character-level BPE on one text at several vocabulary sizes, one after another, and measures how much
 * each compresses it. Rows appear as each size finishes, so a screen can show the table filling in.
 */
final class CompressionStudy {
    /** The sizes the Part 3 table compares: a smaller one, the course's 300, and two larger ones. */
    static final int[] VOCABS = {100, 300, 1000, 4096};

    /**
     * One vocabulary size's result.
     *
     * @param vocab   tokens in the vocabulary (base characters plus merges)
     * @param merges  merges learned
     * @param tokens  tokens the whole text became
     * @param chars   characters in the text
     * @param seconds training time
     */
    record Row(int vocab, int merges, int tokens, int chars, double seconds) {
        double charsPerToken() {
            return (double) chars / tokens;
        }
    }

    private final List<Row> rows = new CopyOnWriteArrayList<>();
    private final Job<List<Row>> job;

    /** Starts training in the background on the text {@code source} supplies (read on that thread too). */
    CompressionStudy(Supplier<String> source) {
        job = Job.start("bpe-compression", "reading the text", j -> {
            String text = source.get();
            int chars = text.codePointCount(0, text.length());
            int base = (int) text.codePoints().distinct().count();
            rows.add(new Row(base, 0, chars, chars, 0)); // characters alone: the baseline
            for (int k = 0; k < VOCABS.length; k++) {
                int vocab = VOCABS[k];
                int step = k;
                j.progress((double) k / VOCABS.length, "vocab " + vocab + ": starting");
                long t0 = System.nanoTime();
                BpeTokenizer t = BpeTokenizer.train(text, vocab, (index, total, merge) -> {
                    if (index % 16 == 0 || index == total - 1) {
                        j.progress((step + (index + 1.0) / total) / VOCABS.length,
                                String.format(Locale.ROOT, "vocab %,d: merge %,d of %,d", vocab, index + 1, total));
                    }
                });
                double seconds = (System.nanoTime() - t0) / 1e9;
                rows.add(new Row(t.vocabSize(), t.mergeCount(), t.encode(text).length, chars, seconds));
            }
            j.progress(1, "done");
            return List.copyOf(rows);
        });
    }

    /** The rows finished so far, the baseline (characters only) first. */
    List<Row> rows() {
        return List.copyOf(rows);
    }

    double fraction() {
        return job.fraction();
    }

    String status() {
        return job.status();
    }

    boolean done() {
        return job.done();
    }

    /** What went wrong, or null. */
    String error() {
        return job.error();
    }
}
