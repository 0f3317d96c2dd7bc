package llmfs.compute.kernel;

/**
 * Started by {@link SimdTest} in a JVM without {@code --add-modules jdk.incubator.vector}: prints what the
 * kernel package reports there, one {@code key=value} per line.
 */
public final class NoVectorProbe {

    private NoVectorProbe() {
    }

    public static void main(String[] args) {
        System.out.println("available=" + Simd.available());
        System.out.println("lanes=" + Simd.floatLanes());
        System.out.println("describe=" + Simd.describe());
        Matmul best = Simd.best();
        System.out.println("best=" + best.name());
        // [1 2; 3 4] · [5 6; 7 8] = [19 22; 43 50]
        float[] c = new float[4];
        best.sgemm(false, false, 2, 2, 2, new float[]{1, 2, 3, 4}, 0, 2, new float[]{5, 6, 7, 8}, 0, 2, c, 0, 2,
                false);
        boolean ok = c[0] == 19 && c[1] == 22 && c[2] == 43 && c[3] == 50;
        System.out.println("product=" + (ok ? "ok" : "wrong " + java.util.Arrays.toString(c)));
        try {
            new SimdMatmul();
            System.out.println("simdMatmul=constructed");
        } catch (IllegalStateException e) {
            System.out.println("simdMatmul=" + (e.getMessage().contains("--add-modules") ? "refused" : e));
        }
        // y = [1 2]·[5 6; 7 8] + [1 1] = [20 23], through the one-row product the sampler uses
        MatVec mv = MatVec.best();
        float[] y = new float[2];
        mv.multiply(mv.pack(new float[]{5, 6, 7, 8}, new float[]{1, 1}, 2, 2), new float[]{1, 2}, 0, 1, y, 0, false);
        System.out.println("matvec=" + mv.name() + " " + (y[0] == 20 && y[1] == 23 ? "ok" : "wrong"));
        System.out.println("peak=" + FmaPeak.method() + " " + (FmaPeak.gflops(1, 0.01) > 0));
    }
}
