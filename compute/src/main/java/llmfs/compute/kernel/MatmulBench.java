package llmfs.compute.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import llmfs.compute.Rng;

/**
 * Benchmark: measures the machine's FMA peak, then times each matmul kernel on square sizes and on the shapes
 * of a small model's training step (forward and both backward products), printing the median GFLOP/s and the
 * share of the peak measured in the same run for the same number of threads.
 *
 * <p>Run with {@code --add-modules jdk.incubator.vector} to include the SIMD kernel. Arguments: {@code quick}
 * for shorter timings; {@code only=NAME} to time only the kernels whose label starts with NAME.
 */
public final class MatmulBench {

    private record Shape(String label, boolean transA, boolean transB, int m, int n, int k) {
        long flops() {
            return 2L * m * n * k;
        }
    }

    private record Kernel(Matmul matmul, boolean singleThread) {
        String label() {
            return matmul.name() + (singleThread ? "-1t" : "");
        }

        int threads() {
            return singleThread || matmul instanceof ScalarMatmul ? 1 : Parallel.threads();
        }
    }

    private MatmulBench() {
    }

    public static void main(String[] args) {
        boolean quick = Arrays.asList(args).contains("quick");
        String only = "";
        for (String arg : args) {
            if (arg.startsWith("only=")) only = arg.substring(5);
        }
        double measureSeconds = quick ? 0.25 : 0.6;
        System.out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + "), " + Runtime.getRuntime().availableProcessors() + " cores, Parallel.threads()="
                + Parallel.threads());
        System.out.println(Simd.describe());
        System.out.println("peak: " + FmaPeak.method());
        int threads = Parallel.threads();
        double peak1 = FmaPeak.gflops(1, quick ? 0.5 : 1.5);
        double peakAll = threads == 1 ? peak1 : FmaPeak.gflops(threads, quick ? 0.5 : 1.5);
        System.out.printf(Locale.ROOT, "FMA peak: %.1f GFLOP/s on 1 thread, %.1f GFLOP/s on %d threads%n%n",
                peak1, peakAll, threads);

        List<Shape> shapes = new ArrayList<>();
        for (int s : new int[]{128, 256, 512, 768, 1024}) {
            shapes.add(new Shape(s + "^3", false, false, s, s, s));
        }
        shapes.add(new Shape("512^3 A^T B^T", true, true, 512, 512, 512));
        shapes.add(new Shape("[2048x40]·[40x256]", false, false, 2048, 256, 40));
        shapes.add(new Shape("[2048x256]·[40x256]^T", false, true, 2048, 40, 256));
        shapes.add(new Shape("[2048x40]^T·[2048x256]", true, false, 40, 256, 2048));
        shapes.add(new Shape("[2048x256]·[256x27]", false, false, 2048, 27, 256));
        shapes.add(new Shape("[2048x27]·[256x27]^T", false, true, 2048, 256, 27));
        shapes.add(new Shape("[2048x256]^T·[2048x27]", true, false, 256, 27, 2048));
        shapes.add(new Shape("[768x128]·[128x512]", false, false, 768, 512, 128));
        shapes.add(new Shape("[768x512]·[128x512]^T", false, true, 768, 128, 512));
        shapes.add(new Shape("[768x128]^T·[768x512]", true, false, 128, 512, 768));

        List<Kernel> kernels = new ArrayList<>();
        kernels.add(new Kernel(new ScalarMatmul(), true));
        kernels.add(new Kernel(new BlockedMatmul(), false));
        if (Simd.available()) {
            kernels.add(new Kernel(new SimdMatmul(), true));
            kernels.add(new Kernel(new SimdMatmul(), false));
        }

        System.out.printf(Locale.ROOT, "%-10s %-24s %7s %10s %8s%n", "kernel", "shape", "threads", "GFLOP/s",
                "% peak");
        Rng rng = new Rng(42);
        for (Shape shape : shapes) {
            float[] a = random(rng, shape.m * shape.k);
            float[] b = random(rng, shape.k * shape.n);
            float[] c = new float[shape.m * shape.n];
            for (Kernel kernel : kernels) {
                if (!kernel.label().startsWith(only)) continue;
                double gflops = median(kernel, shape, a, b, c, measureSeconds);
                double peak = kernel.threads() == 1 ? peak1 : peakAll;
                System.out.printf(Locale.ROOT, "%-10s %-24s %7d %10.1f %7.1f%%%n", kernel.label(), shape.label,
                        kernel.threads(), gflops, 100 * gflops / peak);
            }
        }
    }

    private static float[] random(Rng rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = rng.uniform(-1f, 1f);
        return x;
    }

    /** Median GFLOP/s over repeats, after warm-up runs that let the JIT compile the kernel. */
    private static double median(Kernel kernel, Shape s, float[] a, float[] b, float[] c, double seconds) {
        int lda = s.transA ? s.m : s.k;
        int ldb = s.transB ? s.k : s.n;
        Runnable once = () -> kernel.matmul.sgemm(s.transA, s.transB, s.m, s.n, s.k, a, 0, lda, b, 0, ldb,
                c, 0, s.n, false);
        Runnable run = kernel.singleThread ? () -> Parallel.inline(once) : once;
        long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        int warm = 0;
        while (warm < 3 || System.nanoTime() < warmEnd) {
            run.run();
            warm++;
        }
        List<Double> rates = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (rates.size() < 5 || (System.nanoTime() < end && rates.size() < 2000)) {
            long t0 = System.nanoTime();
            run.run();
            long t1 = System.nanoTime();
            rates.add(s.flops() / ((t1 - t0) * 1e-9) / 1e9);
        }
        rates.sort(null);
        return rates.get(rates.size() / 2);
    }
}
