package llmfs.compute.bench;

import llmfs.compute.kernel.Parallel;

/**
 * This machine's memory bandwidth as Java sees it: a STREAM-style triad {@code a = b + s·c} over arrays far larger
 * than the caches, split across the compute threads. Elementwise kernels are judged against it.
 *
 * <p>The triad runs twice, as a plain loop and as the Java backend's SIMD {@code axpy} ({@code y += s·x}, the same
 * two reads and one write per element), and the faster counts: a plain loop the JIT does not vectorise is limited by
 * instructions, not by memory, and would make every kernel look faster than the memory allows.
 */
public final class MemoryBandwidth {
    private MemoryBandwidth() {}

    /** GB/s (10^9 bytes) moved by the triad: 3 arrays × 4 bytes per element (2 reads, 1 write). */
    public static double triadGBs() {
        int n = 1 << 24; // 64 MB per array
        float[] a = new float[n], b = new float[n], c = new float[n];
        java.util.Arrays.fill(b, 1f);
        java.util.Arrays.fill(c, 2f);
        float s = 0.5f;
        double sec = Timing.median(() -> Parallel.forRange(n, 1 << 16, (from, to) -> {
            for (int i = from; i < to; i++) a[i] = b[i] + s * c[i];
        }), 5, 0.5);
        llmfs.compute.backend.JavaBackend be = new llmfs.compute.backend.JavaBackend();
        llmfs.compute.backend.Buffer x = be.upload(b, 0, n), y = be.upload(c, 0, n);
        double simd = Timing.median(() -> be.axpy(s, x, 0, y, 0, n), 5, 0.5);
        return 12.0 * n / Math.min(sec, simd) / 1e9;
    }
}
