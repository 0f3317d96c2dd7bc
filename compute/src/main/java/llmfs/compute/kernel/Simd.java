package llmfs.compute.kernel;

/**
 * Whether this JVM can run the Vector API kernels, and the best matmul for it.
 *
 * <p>The Vector API lives in the incubator module {@code jdk.incubator.vector}, which a JVM only has when it
 * was started with {@code --add-modules jdk.incubator.vector}. Every class that names vector types is loaded
 * only after this probe said yes, so everything else works on a JVM started without the flag.
 */
public final class Simd {

    private static final String MODULE = "jdk.incubator.vector";

    // Probed once: the answer cannot change while the JVM runs.
    private static final int LANES;
    private static final int BITS;
    private static final String WHY_NOT;

    static {
        int lanes = 0, bits = 0;
        String why = null;
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            why = "JVM started without --add-modules " + MODULE;
        } else if (!hardwareFma()) {
            // Without FMA instructions the Vector API emulates each fused multiply-add in software.
            why = "this CPU has no FMA instructions (the JVM's UseFMA is off), so plain loops are faster";
        } else {
            try {
                lanes = SimdKernel.lanes();
                bits = SimdKernel.vectorBits();
                if (lanes < 4) {
                    why = "the preferred vector holds only " + lanes + " floats, too few to beat plain loops";
                    lanes = 0;
                }
            } catch (LinkageError | RuntimeException e) {
                why = "the Vector API failed to start: " + e;
                lanes = 0;
            }
        }
        LANES = lanes;
        BITS = lanes > 0 ? bits : 0;
        WHY_NOT = why;
    }

    private Simd() {
    }

    /** Whether {@link Math#fma(float, float, float)} runs as one instruction rather than in software. */
    static boolean hardwareFma() {
        return FmaProbe.HARDWARE;
    }

    /** Asked only when needed: loading the management interface costs some tens of milliseconds. */
    private static final class FmaProbe {
        static final boolean HARDWARE = probe();

        /** Whether the JVM uses the CPU's fused multiply-add instructions; assumed when it cannot be asked. */
        private static boolean probe() {
            try {
                com.sun.management.HotSpotDiagnosticMXBean vm = java.lang.management.ManagementFactory
                        .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
                return vm == null || !"false".equals(vm.getVMOption("UseFMA").getValue());
            } catch (LinkageError | RuntimeException e) {
                return true; // not HotSpot, or no management module: nothing to go by
            }
        }
    }

    /** Whether the Vector API kernels can run in this JVM. */
    public static boolean available() {
        return LANES > 0;
    }

    /** Floats per preferred vector (16 with AVX-512, 8 with AVX2), or 0 when the Vector API is unavailable. */
    public static int floatLanes() {
        return LANES;
    }

    /** Bits per preferred vector (512 with AVX-512), or 0 when the Vector API is unavailable. */
    static int vectorBits() {
        return BITS;
    }

    /**
     * One line for humans, e.g. {@code "Vector API, 512-bit, 16 float lanes"}, or why the Vector API is not
     * used, e.g. {@code "Vector API unavailable: JVM started without --add-modules jdk.incubator.vector"}.
     */
    public static String describe() {
        if (available()) return "Vector API, " + BITS + "-bit, " + LANES + " float lanes";
        return "Vector API unavailable: " + WHY_NOT;
    }

    /** The fastest matmul this JVM can run: {@link SimdMatmul} when available, else {@link BlockedMatmul}. */
    public static Matmul best() {
        return available() ? new SimdMatmul() : new BlockedMatmul();
    }
}
