package llmfs.tui.cli;

import com.google.gson.JsonObject;
import llmfs.compute.Tape;
import llmfs.compute.backend.Backend;
import llmfs.compute.backend.Backends;
import llmfs.compute.backend.JavaBackend;
import llmfs.compute.backend.ScalarBackend;
import llmfs.compute.backend.opencl.OpenClBackend;
import llmfs.compute.bench.BenchModels;
import llmfs.compute.bench.BenchTable;
import llmfs.compute.bench.ChatBench;
import llmfs.compute.bench.MemoryBandwidth;
import llmfs.compute.bench.OpBench;
import llmfs.compute.bench.PeerBench;
import llmfs.compute.bench.TrainBench;
import llmfs.compute.data.Corpora;
import llmfs.compute.kernel.FmaPeak;
import llmfs.compute.text.BpeBench;
import llmfs.compute.kernel.Parallel;
import llmfs.compute.kernel.Simd;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tutor bench}: how fast each backend runs the kernels and whole training steps, against this machine's
 * own limits measured in the same run (FMA peak, memory bandwidth), and optionally against PyTorch.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
        "Measure the compute backends: per-kernel GFLOP/s or GB/s as a share of this machine's peak,",
        "end-to-end training speed (ms/step, tokens/s) for the Part 1 MLP and a small GPT, the chat's first-token latency",
        "and generated tokens/s with Part 4's GPT, and BPE tokenizer speed.",
        "With --peer, train the same models in PyTorch (python3-torch) back to back and print the ratio.",
        "'tutor bench serve' load-tests the class server instead."},
        subcommands = {BenchServeCommand.class})
public final class BenchCommand implements Callable<Integer> {
    private final GlobalOptions global = new GlobalOptions();

    @Option(names = "--backends", split = ",", paramLabel = "B",
            description = "Backends to measure: java, scalar, opencl (default: java, scalar, and opencl when a device exists)")
    List<String> backends;

    @Option(names = "--skip-ops", description = "Skip the per-kernel tables")
    boolean skipOps;

    @Option(names = "--skip-train", description = "Skip the end-to-end training table")
    boolean skipTrain;

    @Option(names = "--skip-bpe", description = "Skip the BPE tokenizer tables (training and encoding speed)")
    boolean skipBpe;

    @Option(names = "--skip-chat", description = "Skip the chat table (first-token latency, generated tokens/s)")
    boolean skipChat;

    @Option(names = "--peer", description = "Also run the PyTorch peer and print the Java/PyTorch ratios")
    boolean peer;

    @Option(names = "--peer-only", description = "Run only the PyTorch comparison")
    boolean peerOnly;

    @Option(names = "--steps", defaultValue = "60", paramLabel = "N", description = "Training steps per timing (default 60)")
    int steps;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", paramLabel = "PATH",
            description = "Python with torch for --peer (default /usr/bin/python3, Debian's python3-torch)")
    Path python;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = global.out();
        out.printf("tutor bench — Java %s, %d cores, %d compute threads, %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Parallel.threads(), Simd.describe());
        Corpora corpora = global.corpora();
        if (peerOnly) return peer(out, corpora);
        List<Backend> list = chosen(out);
        double peak1 = FmaPeak.gflops(1, 1.0), peak = FmaPeak.gflops(Parallel.threads(), 1.0);
        double bw = MemoryBandwidth.triadGBs();
        out.printf(Locale.ROOT, "Peak (measured now): FMA %.0f GFLOP/s on 1 thread, %.0f on %d; memory triad %.1f GB/s (%s)%n%n",
                peak1, peak, Parallel.threads(), bw, FmaPeak.method());
        if (!skipOps) ops(out, list, peak, bw);
        if (!skipTrain) train(out, list, corpora);
        if (!skipChat) chat(out, peak1);
        if (!skipBpe) {
            out.println("BPE tokenizer on Tiny Shakespeare (one thread)");
            BpeBench.run(corpora.text("tinyshakespeare.txt"), 5, out);
            out.println();
        }
        for (Backend b : list) b.close();
        if (peer) return peer(out, corpora);
        return 0;
    }

    private List<Backend> chosen(PrintWriter out) {
        List<String> want = backends;
        if (want == null) {
            want = new ArrayList<>(List.of("java", "scalar"));
            want.add("opencl");
        }
        List<Backend> list = new ArrayList<>();
        for (String w : want) {
            switch (w.trim().toLowerCase(Locale.ROOT)) {
                case "java": list.add(new JavaBackend()); break;
                case "scalar": list.add(new ScalarBackend()); break;
                case "opencl": {
                    OpenClBackend.Result r = OpenClBackend.create(true);
                    if (r.available()) list.add(r.backend());
                    else out.println("opencl: not measured: " + r.reason());
                    break;
                }
                default: throw new IllegalArgumentException("unknown backend '" + w + "': use java, scalar or opencl");
            }
        }
        return list;
    }

    private void ops(PrintWriter out, List<Backend> list, double peak, double bw) {
        OpBench ob = new OpBench(7, 0.3);
        BenchTable mm = new BenchTable("backend", "matmul", "GFLOP/s", "% of FMA peak");
        BenchTable mem = new BenchTable("backend", "kernel", "size", "GB/s", "% of bandwidth", "GFLOP/s");
        for (Backend b : list) {
            boolean slow = b instanceof ScalarBackend && !(b instanceof JavaBackend);
            for (OpBench.Result r : ob.matmuls(b, slow ? 256 : 1024)) {
                if (slow && r.shape().startsWith("2048")) continue;
                mm.row(b.name(), r.shape(), f1(r.gflops()), pct(r.gflops() / peak));
            }
            for (OpBench.Result r : ob.memoryBound(b, slow ? 1 << 20 : 1 << 24)) {
                mem.row(b.name(), r.op(), r.shape(), f1(r.gbs()), pct(r.gbs() / bw), f1(r.gflops()));
            }
            for (OpBench.Result r : ob.attention(b)) {
                mem.row(b.name(), r.op(), r.shape(), f1(r.gbs()), pct(r.gbs() / bw), f1(r.gflops()));
            }
        }
        out.println("Matrix products (median of 7; the FMA peak is this run's 2-thread figure)");
        mm.print(out);
        out.println();
        out.println("Memory-bound kernels (GB/s counts the bytes each kernel must read and write once)");
        mem.print(out);
        out.println();
    }

    /** JIT warm-up on a throwaway copy of each model before its steps are timed. */
    private static final double WARM_UP_SECONDS = 2.0;

    private void train(PrintWriter out, List<Backend> list, Corpora corpora) {
        BenchTable t = new BenchTable("backend", "model", "ms/step", "tokens/s");
        Backend before = Backends.current();
        try {
            for (Backend b : list) {
                Backends.use(b);
                boolean slow = b instanceof ScalarBackend && !(b instanceof JavaBackend);
                int n = slow ? Math.max(3, steps / 20) : steps;
                if (!slow) TrainBench.warmUp(() -> BenchModels.names(corpora, 20, 1), WARM_UP_SECONDS);
                TrainBench.Result names = TrainBench.run(BenchModels.names(corpora, 10 + n, 42), slow ? 1 : 10, n);
                t.row(b.name(), names.model(), f2(names.msPerStep()), f0(names.tokensPerSecond()));
                if (!slow) TrainBench.warmUp(() -> BenchModels.gpt(corpora, 20, 1, 0.1f), WARM_UP_SECONDS);
                TrainBench.Result gpt = TrainBench.run(BenchModels.gpt(corpora, 10 + n, 42, 0.1f), slow ? 1 : 10, n);
                t.row(b.name(), gpt.model(), f2(gpt.msPerStep()), f0(gpt.tokensPerSecond()));
                Tape.clear();
            }
        } finally {
            Backends.use(before);
        }
        out.println("Training steps (forward, backward, AdamW; median ms/step after " + (int) WARM_UP_SECONDS + " s of JIT warm-up; names: batch 2048, GPT: batch 12 × 64 tokens)");
        t.print(out);
        out.println();
    }

    /** The chat with Part 4's GPT through the key/value cache (one thread, as the chat runs). */
    private static void chat(PrintWriter out, double peak1) {
        BenchTable t = new BenchTable("model", "prompt", "first token ms", "answer", "generated tokens/s",
                "GFLOP/s", "% of 1-thread peak");
        long flops = 0;
        for (int prompt : new int[]{7, 64}) {
            ChatBench.Result r = ChatBench.run(prompt, 2_000, 7);
            flops = r.flopsPerToken();
            t.row(r.model(), r.promptTokens() + " tokens", f2(r.firstTokenMs()), f0(r.answerTokens()) + " tokens",
                    f0(r.tokensPerSecond()), f1(r.gflops()), pct(r.gflops() / peak1));
        }
        out.println("Chat (Part 4's GPT, key/value cache, one thread; median of 7 after 2 s of JIT warm-up; once 64"
                + " tokens are cached the window slides by 32, recomputing the kept 32 as one batch; GFLOP/s counts"
                + " 2 per weight of the products one token goes through, "
                + String.format(Locale.ROOT, "%.2f", flops / 1e6) + " MFLOP)");
        t.print(out);
        out.println();
    }

    private int peer(PrintWriter out, Corpora corpora) throws Exception {
        Path script = corpora.dir().getParent().resolve("bench/peer/peer_bench.py");
        if (!Files.isExecutable(python)) {
            out.println("--peer needs Python with PyTorch at " + python + ": sudo apt-get install python3-torch");
            return 2;
        }
        Path dir = Files.createTempDirectory("tutor-peer");
        out.println("PyTorch peer: same initial weights, same batches, same number of threads ("
                + Parallel.threads() + "); dropout off in the GPT so the loss curves can be compared step by step.");
        BenchTable t = new BenchTable("model", "Java ms/step", "PyTorch ms/step", "Java tok/s", "PyTorch tok/s",
                "Java/PyTorch", "max |Δloss|");
        List<String> curves = new ArrayList<>();
        String env = "";
        boolean referenceBlas = false;
        for (String key : new String[]{"names", "gpt"}) {
            BenchModels.Workload w = key.equals("names") ? BenchModels.names(corpora, steps, 7)
                    : BenchModels.gpt(corpora, steps, 7, 0f);
            JsonObject cfg = new JsonObject();
            if (key.equals("names")) {
                cfg.addProperty("block", 5);
                cfg.addProperty("lr", 0.01);
            } else {
                cfg.addProperty("context", 64);
                cfg.addProperty("dim", 128);
                cfg.addProperty("heads", 4);
                cfg.addProperty("layers", 4);
                cfg.addProperty("lr", 3e-4);
            }
            PeerBench.export(w, key, cfg, dir);
            TrainBench.warmUp(key.equals("names") ? () -> BenchModels.names(corpora, 20, 1)
                    : () -> BenchModels.gpt(corpora, 20, 1, 0f), WARM_UP_SECONDS);
            // Java first, from the exported state, on the same batches.
            float[] losses = new float[steps];
            double[] ms = new double[steps];
            for (int i = 0; i < steps; i++) {
                long s = System.nanoTime();
                losses[i] = w.step(i);
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            double[] timed = java.util.Arrays.copyOfRange(ms, Math.min(5, steps - 1), steps);
            java.util.Arrays.sort(timed);
            double javaMs = timed[timed.length / 2];
            PeerBench.PeerResult p = PeerBench.run(python, script, key, dir, Parallel.threads(), 1800);
            env = "torch " + p.torch() + ", " + p.threads() + " threads, BLAS " + p.blas() + ", env " + p.env();
            referenceBlas |= p.referenceBlas();
            double javaTok = w.tokensPerStep / (javaMs / 1000);
            t.row(w.name, f2(javaMs), f2(p.msPerStep()), f0(javaTok), f0(p.tokensPerSecond()),
                    String.format(Locale.ROOT, "%.2f×", javaTok / p.tokensPerSecond()), String.format(Locale.ROOT, "%.4f",
                            PeerBench.maxDiff(losses, p.losses())));
            StringBuilder c = new StringBuilder(w.name + " loss  step: Java / PyTorch\n");
            for (int i : new int[]{0, 1, steps / 4, steps / 2, steps - 1}) {
                c.append(String.format(Locale.ROOT, "  %4d: %.4f / %.4f%n", i + 1, losses[i], p.losses()[i]));
            }
            curves.add(c.toString());
        }
        t.print(out);
        out.println("Peer: " + env);
        if (referenceBlas) {
            out.println("WARNING: PyTorch ran on Debian's reference BLAS, which is many times slower than OpenBLAS, so"
                    + " these ratios flatter Java. For a fair peer: sudo apt-get install libopenblas0-pthread");
        }
        out.println();
        curves.forEach(out::print);
        out.flush();
        return 0;
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
}
