package llmfs.compute.text;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Benchmark of BPE training and encoding on Tiny Shakespeare, printed as plain tables of medians.
 *
 * <p>Usage: {@code BpeBench [path/to/tinyshakespeare.txt] [repeats]}. Without a path it looks for
 * {@code corpora/tinyshakespeare.txt} in the working directory and its parents. Everything runs on the
 * calling thread, so encoding figures are single-core throughput. Each measurement is preceded by warm-up
 * runs so the JIT compiler has settled.
 */
public final class BpeBench {
    private static final int[] CHAR_VOCABS = {300, 1000, 4096};
    private static final int BYTE_VOCAB = 4096;

    private BpeBench() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = args.length > 0 ? Path.of(args[0]) : findCorpus();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        String text = Files.readString(corpus, StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(System.out, true);
        out.printf("BPE benchmark: %s; Java %s%n%n", corpus.getFileName(), Runtime.version());
        run(text, repeats, out);
        out.flush();
    }

    /** Trains and encodes {@code text} at several vocabulary sizes and prints two tables of medians to {@code out}. */
    public static void run(String text, int repeats, PrintWriter out) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.printf("%,d characters, %,d UTF-8 bytes; median of %d runs after two warm-up runs%n", text.length(),
                bytes.length, repeats);

        int rows = CHAR_VOCABS.length + 1;
        BpeTokenizer[] tokenizers = new BpeTokenizer[rows];
        String[] names = new String[rows];
        double[][] trainMs = new double[rows][];
        for (int r = 0; r < rows; r++) {
            boolean byteLevel = r == CHAR_VOCABS.length;
            int vocab = byteLevel ? BYTE_VOCAB : CHAR_VOCABS[r];
            names[r] = (byteLevel ? "bytes " : "chars ") + vocab;
            Supplier<BpeTokenizer> train = byteLevel ? () -> BpeTokenizer.trainBytes(bytes, vocab)
                    : () -> BpeTokenizer.train(text, vocab);
            BpeTokenizer[] last = new BpeTokenizer[1];
            trainMs[r] = medianMillis(repeats, () -> last[0] = train.get());
            tokenizers[r] = last[0];
        }

        out.println("Training (whole corpus); wall = elapsed time, cpu = this thread's CPU time");
        out.println("  tokenizer       merges    wall ms    cpu ms");
        for (int r = 0; r < rows; r++) {
            out.printf("  %-14s %7d %10.1f %9.1f%n", names[r], tokenizers[r].mergeCount(), trainMs[r][0],
                    trainMs[r][1]);
        }

        out.println();
        out.println("Encoding (whole corpus, one thread) and compression; MB = 10^6 bytes of UTF-8");
        out.println("  tokenizer       wall ms   MB/s   cpu ms   MB/s      tokens   chars/token");
        for (int r = 0; r < rows; r++) {
            BpeTokenizer t = tokenizers[r];
            int[][] ids = new int[1][];
            double[] ms = medianMillis(repeats, () -> ids[0] = t.encode(text));
            if (!t.decode(ids[0]).equals(text)) {
                throw new IllegalStateException(names[r] + " does not decode back to the corpus");
            }
            out.printf("  %-14s %8.1f %6.1f %8.1f %6.1f %11d %13.2f%n", names[r], ms[0],
                    bytes.length / 1e3 / ms[0], ms[1], bytes.length / 1e3 / ms[1], ids[0].length,
                    (double) text.length() / ids[0].length);
        }
    }

    /**
     * Medians of the wall-clock and thread-CPU milliseconds of {@code task}, after two warm-up runs. CPU time
     * leaves out the time the thread waited for a core, which matters on a busy machine.
     */
    private static double[] medianMillis(int repeats, Runnable task) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        task.run();
        task.run();
        double[] wall = new double[repeats];
        double[] cpu = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long startCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            task.run();
            wall[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
        }
        return new double[] {median(wall), median(cpu)};
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static Path findCorpus() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("corpora").resolve("tinyshakespeare.txt");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("corpora/tinyshakespeare.txt not found above " + Path.of("").toAbsolutePath()
                + "; pass the corpus path as the first argument");
    }
}
