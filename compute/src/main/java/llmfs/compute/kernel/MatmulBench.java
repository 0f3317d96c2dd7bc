package llmfs.compute.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import llmfs.compute.Rng;

/**
 * Benchmark: measures the machine's FMA peak, then times each matmul kernel on square sizes and on the shapes
 * of a small model's training step (forward and both backward products), and prints a table: median GFLOP/s
 * over repeats and its share of the FMA peak measured at the start of the same run for the same number of
 * threads.
 *
 * <p>On a machine shared with other work the peak itself moves; the column "peak now" is the FMA rate measured
 * just before each row, to tell a slow kernel from a busy machine.
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
            return singleThread ? 1 : Parallel.threads();
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
        double seconds = quick ? 0.25 : 0.6;
        int threads = Parallel.threads();
        System.out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + "), " + Runtime.getRuntime().availableProcessors() + " cores, Parallel.threads()=" + threads);
        System.out.println(Simd.describe());
        System.out.println("peak: " + FmaPeak.method());
        double peak1 = FmaPeak.gflops(1, quick ? 0.6 : 1.5);
        double peakAll = threads == 1 ? peak1 : FmaPeak.gflops(threads, quick ? 0.6 : 1.5);
        System.out.printf(Locale.ROOT, "FMA peak: %.1f GFLOP/s on 1 thread, %.1f GFLOP/s on %d threads%n%n",
                peak1, peakAll, threads);

        List<Shape> shapes = shapes();
        List<Kernel> kernels = new ArrayList<>();
        kernels.add(new Kernel(new ScalarMatmul(), true));
        kernels.add(new Kernel(new BlockedMatmul(), false));
        if (Simd.available()) {
            kernels.add(new Kernel(new SimdMatmul(), true));
            kernels.add(new Kernel(new SimdMatmul(), false));
        }
        String prefix = only;
        kernels.removeIf(kernel -> !kernel.label().startsWith(prefix));

        Rng rng = new Rng(42);
        List<float[][]> operands = new ArrayList<>();
        for (Shape s : shapes) {
            operands.add(new float[][]{random(rng, s.m * s.k), random(rng, s.k * s.n), new float[s.m * s.n]});
        }
        // Warm-up over every shape first, so the JIT compiles each kernel having seen all of its paths and
        // no row pays for a recompilation caused by the shapes after it.
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < shapes.size(); i++) {
                for (Kernel kernel : kernels) {
                    if (!(kernel.matmul instanceof ScalarMatmul)) runOnce(kernel, shapes.get(i), operands.get(i));
                }
            }
        }

        System.out.printf(Locale.ROOT, "%-10s %-24s %7s %9s %7s %9s%n", "kernel", "shape", "threads", "GFLOP/s",
                "% peak", "peak now");
        for (int i = 0; i < shapes.size(); i++) {
            Shape shape = shapes.get(i);
            for (Kernel kernel : kernels) {
                double now = FmaPeak.gflops(kernel.threads(), 0.15);
                double gflops = median(kernel, shape, operands.get(i), seconds);
                double peak = kernel.threads() == 1 ? peak1 : peakAll;
                System.out.printf(Locale.ROOT, "%-10s %-24s %7d %9.1f %6.1f%% %9.1f%n", kernel.label(),
                        shape.label, kernel.threads(), gflops, 100 * gflops / peak, now);
            }
        }
    }

    private static List<Shape> shapes() {
        List<Shape> shapes = new ArrayList<>();
        for (int s : new int[]{128, 256, 512, 768, 1024}) {
            shapes.add(new Shape(s + "^3", false, false, s, s, s));
        }
        shapes.add(new Shape("512^3 A^T B^T", true, true, 512, 512, 512));
        // A two-layer MLP step, batch 2048: X[2048x40]·W1[40x256], H[2048x256]·W2[256x27], and the backward
        // products dX = dY·W^T and dW = X^T·dY of each.
        shapes.add(new Shape("[2048x40]·[40x256]", false, false, 2048, 256, 40));
        shapes.add(new Shape("[2048x256]·[40x256]^T", false, true, 2048, 40, 256));
        shapes.add(new Shape("[2048x40]^T·[2048x256]", true, false, 40, 256, 2048));
        shapes.add(new Shape("[2048x256]·[256x27]", false, false, 2048, 27, 256));
        shapes.add(new Shape("[2048x27]·[256x27]^T", false, true, 2048, 256, 27));
        shapes.add(new Shape("[2048x256]^T·[2048x27]", true, false, 256, 27, 2048));
        // A transformer projection: 768 tokens, width 128 to 512, and its backward products.
        shapes.add(new Shape("[768x128]·[128x512]", false, false, 768, 512, 128));
        shapes.add(new Shape("[768x512]·[128x512]^T", false, true, 768, 128, 512));
        shapes.add(new Shape("[768x128]^T·[768x512]", true, false, 128, 512, 768));
        return shapes;
    }

    private static float[] random(Rng rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = rng.uniform(-1f, 1f);
        return x;
    }

    private static void runOnce(Kernel kernel, Shape s, float[][] abc) {
        int lda = s.transA ? s.m : s.k;
        int ldb = s.transB ? s.k : s.n;
        Runnable once = () -> kernel.matmul.sgemm(s.transA, s.transB, s.m, s.n, s.k, abc[0], 0, lda, abc[1], 0,
                ldb, abc[2], 0, s.n, false);
        if (kernel.singleThread) {
            Parallel.inline(once);
        } else {
            once.run();
        }
    }

    /** Median GFLOP/s over repeats, after warm-up runs. */
    private static double median(Kernel kernel, Shape s, float[][] abc, double seconds) {
        long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        int warm = 0;
        while (warm < 2 || System.nanoTime() < warmEnd) {
            runOnce(kernel, s, abc);
            warm++;
        }
        List<Double> rates = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (rates.size() < 5 || (System.nanoTime() < end && rates.size() < 5000)) {
            long t0 = System.nanoTime();
            runOnce(kernel, s, abc);
            long t1 = System.nanoTime();
            rates.add(s.flops() / ((t1 - t0) * 1e-9) / 1e9);
        }
        rates.sort(null);
        return rates.get(rates.size() / 2);
    }
}
