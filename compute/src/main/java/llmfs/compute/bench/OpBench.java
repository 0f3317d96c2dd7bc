package llmfs.compute.bench;

import llmfs.compute.Rng;
import llmfs.compute.backend.Backend;
import llmfs.compute.backend.BinaryOp;
import llmfs.compute.backend.Broadcast;
import llmfs.compute.backend.Buffer;
import llmfs.compute.backend.UnaryOp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Speed of the backend kernels: matrix products in GFLOP/s as a share of this machine's FMA peak, memory-bound
 * kernels in GB/s as a share of its measured memory bandwidth. Medians over repeats.
 */
public final class OpBench {
    /** One measured kernel. */
    public record Result(String backend, String op, String shape, double seconds, double flops, double bytes) {
        public double gflops() {
            return flops / seconds / 1e9;
        }

        public double gbs() {
            return bytes / seconds / 1e9;
        }
    }

    private final int repeats;
    private final double warmup;

    public OpBench(int repeats, double warmupSeconds) {
        this.repeats = repeats;
        this.warmup = warmupSeconds;
    }

    private double time(Backend be, Runnable r) {
        return time(be, r, warmup);
    }

    private double time(Backend be, Runnable r, double warmupSeconds) {
        float[] one = new float[1];
        Buffer sync = be.allocate(1);
        // The download makes asynchronous backends (OpenCL) finish the queued work inside the timed region.
        return Timing.median(() -> {
            r.run();
            be.finish();
            be.download(sync, 0, one, 0, 1);
        }, repeats, warmupSeconds);
    }

    private static Buffer random(Backend be, Rng rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) rng.nextGaussian();
        return be.upload(v, 0, n);
    }

    /** Square and training-shaped products; {@code maxSize} caps the square sizes (the scalar backend is slow). */
    public List<Result> matmuls(Backend be, int maxSize) {
        List<Result> out = new ArrayList<>();
        Rng rng = new Rng(1);
        boolean first = true;
        for (int n : new int[]{128, 256, 512, 768, 1024}) {
            if (n > maxSize) continue;
            // The first product is the first the JIT sees: on JDK 17 compiling the micro-kernel outlasts the usual
            // warm-up, and the row came out at 0.2 GFLOP/s.
            out.add(mm(be, rng, n, n, n, false, false, n + "×" + n + "×" + n, first ? Math.max(warmup, 1.5) : warmup));
            first = false;
        }
        // Part 1 (batch 2048): forward, and the two backward products of each layer.
        out.add(mm(be, rng, 2048, 256, 40, false, false, "2048×40·40×256 fwd"));
        out.add(mm(be, rng, 2048, 40, 256, false, true, "2048×256·(40×256)ᵀ dX"));
        out.add(mm(be, rng, 40, 256, 2048, true, false, "(2048×40)ᵀ·2048×256 dW"));
        out.add(mm(be, rng, 2048, 27, 256, false, false, "2048×256·256×27 fwd"));
        // The GPT (batch 12 × context 64 = 768 rows, width 128): the feed-forward layer.
        out.add(mm(be, rng, 768, 512, 128, false, false, "768×128·128×512 fwd"));
        out.add(mm(be, rng, 128, 512, 768, true, false, "(768×128)ᵀ·768×512 dW"));
        return out;
    }

    private Result mm(Backend be, Rng rng, int m, int n, int k, boolean ta, boolean tb, String label) {
        return mm(be, rng, m, n, k, ta, tb, label, warmup);
    }

    private Result mm(Backend be, Rng rng, int m, int n, int k, boolean ta, boolean tb, String label,
                      double warmSeconds) {
        Buffer a = random(be, rng, m * k), b = random(be, rng, k * n), c = be.allocate(m * n);
        double s = time(be, () -> be.matmul(a, b, c, 1, m, n, k, ta, tb, 0, 0, 0, false), warmSeconds);
        return new Result(be.name(), "matmul", label, s, 2.0 * m * n * k, 4.0 * (m * k + k * n + m * n));
    }

    /** Memory-bound kernels on arrays far larger than the caches. */
    public List<Result> memoryBound(Backend be, int elements) {
        List<Result> out = new ArrayList<>();
        Rng rng = new Rng(2);
        int n = elements;
        Buffer x = random(be, rng, n), y = random(be, rng, n), z = be.allocate(n), g = random(be, rng, n);
        Broadcast same = new Broadcast(new int[]{n}, new int[]{n}, "add");
        out.add(new Result(be.name(), "add", fmt(n), time(be, () -> be.binary(BinaryOp.ADD, x, y, z, same)), n, 12.0 * n));
        out.add(new Result(be.name(), "tanh", fmt(n), time(be, () -> be.unary(UnaryOp.TANH, x, z, n, 0f)), n, 8.0 * n));
        out.add(new Result(be.name(), "tanh backward", fmt(n),
                time(be, () -> be.unaryBackward(UnaryOp.TANH, x, y, g, z, n, 0f)), 3.0 * n, 16.0 * n));
        out.add(new Result(be.name(), "axpy", fmt(n), time(be, () -> be.axpy(0.5f, x, 0, z, 0, n)), 2.0 * n, 12.0 * n));
        int cols = 512, rows = n / cols;
        out.add(new Result(be.name(), "softmax", rows + "×" + cols, time(be, () -> be.softmax(x, z, rows, cols, false)),
                5.0 * n, 8.0 * n));
        int lc = 128, lr = n / lc;
        Buffer gamma = random(be, rng, lc), beta = random(be, rng, lc), mean = be.allocate(lr), rstd = be.allocate(lr);
        out.add(new Result(be.name(), "layerNorm", lr + "×" + lc,
                time(be, () -> be.layerNorm(x, gamma, beta, z, mean, rstd, lr, lc, 1e-5f)), 8.0 * n, 8.0 * n));
        Buffer gg = be.allocate(lc), gb = be.allocate(lc);
        be.layerNorm(x, gamma, beta, z, mean, rstd, lr, lc, 1e-5f);
        out.add(new Result(be.name(), "layerNorm backward", lr + "×" + lc,
                time(be, () -> be.layerNormBackward(g, x, gamma, mean, rstd, z, gg, gb, lr, lc)), 14.0 * n, 16.0 * n));
        Buffer m = be.allocate(n), v = be.allocate(n);
        out.add(new Result(be.name(), "adamw", fmt(n),
                time(be, () -> be.adamw(x, g, m, v, n, 1e-4f, 0.9f, 0.999f, 1e-8f, 0.01f, 10)), 12.0 * n, 28.0 * n));
        return out;
    }

    /**
     * Fused causal attention for the bench GPT's shapes (12 sequences × 4 heads, T 64, head width 32): on separate
     * q, k, v and, as the GPT runs it, straight from the fused projection.
     */
    public List<Result> attention(Backend be) {
        Rng rng = new Rng(3);
        int bh = 48, t = 64, d = 32, n = bh * t * d;
        Buffer q = random(be, rng, n), k = random(be, rng, n), v = random(be, rng, n), att = be.allocate(bh * t * t);
        Buffer o = be.allocate(n), go = random(be, rng, n), gq = be.allocate(n), gk = be.allocate(n), gv = be.allocate(n);
        double flops = 2.0 * bh * t * t * d * 2 / 2; // q·kᵀ and att·v over the causal half
        // These kernels run here for the first time in the bench: a longer warm-up lets the JIT finish compiling
        // them (with the usual 0.3 s the forward pass was timed at a quarter of its compiled speed).
        double warm = Math.max(warmup, 1.5);
        List<Result> out = new ArrayList<>();
        out.add(new Result(be.name(), "attention", bh + "×" + t + "×" + d,
                time(be, () -> be.causalAttention(q, k, v, att, o, bh, t, d, 0.17f), warm), flops,
                4.0 * (4 * n + bh * t * t)));
        be.causalAttention(q, k, v, att, o, bh, t, d, 0.17f);
        out.add(new Result(be.name(), "attention backward", bh + "×" + t + "×" + d,
                time(be, () -> be.causalAttentionBackward(go, q, k, v, att, gq, gk, gv, bh, t, d, 0.17f), warm),
                2 * flops, 4.0 * (8 * n + bh * t * t)));
        // The GPT's own path: heads read in place from the fused projection [12, 64, 3·128], written merged.
        int b = 12, heads = 4;
        Buffer qkv = random(be, rng, 3 * n), gQkv = be.allocate(3 * n);
        out.add(new Result(be.name(), "self-attention", b + "×" + t + "×3×" + heads + "×" + d,
                time(be, () -> be.causalSelfAttention(qkv, att, o, b, t, heads, d, 0.17f), warm), flops,
                4.0 * (4 * n + bh * t * t)));
        be.causalSelfAttention(qkv, att, o, b, t, heads, d, 0.17f);
        out.add(new Result(be.name(), "self-attention backward", b + "×" + t + "×3×" + heads + "×" + d,
                time(be, () -> be.causalSelfAttentionBackward(go, qkv, att, gQkv, b, t, heads, d, 0.17f), warm),
                2 * flops, 4.0 * (8 * n + bh * t * t)));
        return out;
    }

    static String fmt(int n) {
        return n >= 1 << 20 ? (n >> 20) + "M" : n >= 1024 ? (n >> 10) + "K" : String.valueOf(n);
    }

    static String pct(double x) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * x);
    }
}
