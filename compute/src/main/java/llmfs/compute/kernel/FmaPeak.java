package llmfs.compute.kernel;

import java.util.concurrent.CountDownLatch;

/**
 * Measures this machine's fp32 fused-multiply-add peak from inside the running JVM: the ceiling that any matmul
 * here is judged against.
 *
 * <p>Each thread runs independent chains of FMAs (no memory traffic, enough chains to hide the FMA latency) for
 * the requested time. With the Vector API the chains are full vectors of the preferred width; without it they
 * are scalar {@link Math#fma(float, float, float)} (or a multiply and an add on a CPU without FMA instructions),
 * far below what the hardware can do, and {@link #method()} says so.
 */
public final class FmaPeak {

    private static final int SCALAR_CHAINS = 12;
    private static final long ITERATIONS_PER_ROUND = 20_000;
    private static final int TRIALS = 3;

    // Read from fields so the JIT cannot treat them as constants and fold the chains away.
    private static volatile float mul = 0.9999999f;
    private static volatile float add = 1e-7f;
    private static volatile float sink;
    private static volatile boolean warmedUp;

    private FmaPeak() {
    }

    /** What {@link #gflops} measures, e.g. "Vector API FMA, 512-bit, 16 float lanes". */
    public static String method() {
        if (Simd.available()) return "Vector API FMA, " + Simd.vectorBits() + "-bit, " + Simd.floatLanes()
                + " float lanes";
        return (Simd.hardwareFma() ? "scalar Math.fma" : "scalar multiply-add") + ", one float per instruction ("
                + Simd.describe() + "), far below the hardware peak";
    }

    /**
     * Billions of single-precision floating-point operations per second (an FMA counts as two) reached by
     * {@code threads} threads running at once: the best of three trials that together last about
     * {@code seconds} (the first call in a JVM adds a warm-up of 0.3 s).
     */
    public static double gflops(int threads, double seconds) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (!(seconds > 0)) throw new IllegalArgumentException("seconds must be > 0, got " + seconds);
        boolean vector = Simd.available();
        long flopsPerIteration = vector ? VectorFmaLoop.flopsPerIteration() : 2L * SCALAR_CHAINS;
        if (!warmedUp) {
            // Run until the loop is surely compiled (it is the same code in every thread), once per JVM.
            long warmEnd = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < warmEnd) round(vector);
            warmedUp = true;
        }
        // The best of three trials: a peak is what the machine can do, and any trial can only lose time
        // (to other processes, frequency changes or a late compilation), never gain it.
        double best = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            best = Math.max(best, trial(threads, seconds / TRIALS, vector, flopsPerIteration));
        }
        return best;
    }

    private static double trial(int threads, double seconds, boolean vector, long flopsPerIteration) {
        long[] rounds = new long[threads];
        long[] ends = new long[threads];
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long deadline = start[0] + (long) (seconds * 1e9);
                long r = 0;
                long now;
                do {
                    round(vector);
                    r++;
                    now = System.nanoTime();
                } while (now < deadline);
                rounds[id] = r;
                ends[id] = now;
            }, "llmfs-fma-peak-" + t);
            ts[t].setDaemon(true);
            ts[t].start();
        }
        try {
            ready.await();
            start[0] = System.nanoTime();
            go.countDown();
            for (Thread t : ts) t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the FMA peak", e);
        }
        long totalRounds = 0, lastEnd = start[0];
        for (int t = 0; t < threads; t++) {
            totalRounds += rounds[t];
            lastEnd = Math.max(lastEnd, ends[t]);
        }
        double flops = (double) totalRounds * ITERATIONS_PER_ROUND * flopsPerIteration;
        return flops / ((lastEnd - start[0]) * 1e-9) / 1e9;
    }

    private static void round(boolean vector) {
        float m = mul, d = add;
        sink += vector ? VectorFmaLoop.run(ITERATIONS_PER_ROUND, m, d) : scalarRound(m, d);
    }

    private static float scalarRound(float m, float d) {
        return Simd.hardwareFma() ? scalarFmaRound(m, d) : scalarMulAddRound(m, d);
    }

    private static float scalarFmaRound(float m, float d) {
        float a0 = 0.1f, a1 = 0.2f, a2 = 0.3f, a3 = 0.4f, a4 = 0.5f, a5 = 0.6f;
        float a6 = 0.7f, a7 = 0.8f, a8 = 0.9f, a9 = 1.0f, a10 = 1.1f, a11 = 1.2f;
        for (long i = 0; i < ITERATIONS_PER_ROUND; i++) {
            a0 = Math.fma(a0, m, d);
            a1 = Math.fma(a1, m, d);
            a2 = Math.fma(a2, m, d);
            a3 = Math.fma(a3, m, d);
            a4 = Math.fma(a4, m, d);
            a5 = Math.fma(a5, m, d);
            a6 = Math.fma(a6, m, d);
            a7 = Math.fma(a7, m, d);
            a8 = Math.fma(a8, m, d);
            a9 = Math.fma(a9, m, d);
            a10 = Math.fma(a10, m, d);
            a11 = Math.fma(a11, m, d);
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;
    }

    /** Without FMA instructions Math.fma is emulated in software; a multiply then an add is the fair measure. */
    private static float scalarMulAddRound(float m, float d) {
        float a0 = 0.1f, a1 = 0.2f, a2 = 0.3f, a3 = 0.4f, a4 = 0.5f, a5 = 0.6f;
        float a6 = 0.7f, a7 = 0.8f, a8 = 0.9f, a9 = 1.0f, a10 = 1.1f, a11 = 1.2f;
        for (long i = 0; i < ITERATIONS_PER_ROUND; i++) {
            a0 = a0 * m + d;
            a1 = a1 * m + d;
            a2 = a2 * m + d;
            a3 = a3 * m + d;
            a4 = a4 * m + d;
            a5 = a5 * m + d;
            a6 = a6 * m + d;
            a7 = a7 * m + d;
            a8 = a8 * m + d;
            a9 = a9 * m + d;
            a10 = a10 * m + d;
            a11 = a11 * m + d;
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;
    }
}
