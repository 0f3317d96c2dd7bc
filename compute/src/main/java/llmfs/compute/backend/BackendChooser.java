package llmfs.compute.backend;

import llmfs.compute.backend.opencl.OpenClBackend;
import llmfs.compute.kernel.BlockedMatmul;
import llmfs.compute.kernel.ScalarElementwise;
import llmfs.compute.kernel.Simd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The provider chain that picks a backend. In {@code auto} mode: an OpenCL GPU, else the Java backend with SIMD
 * (Vector API), else the Java backend without it. {@code opencl} also accepts a CPU OpenCL device (such as PoCL,
 * which is slower than the SIMD Java path on a CPU, so it is only used when asked for). A backend that is skipped
 * keeps its reason, which {@code tutor doctor} shows.
 */
public final class BackendChooser {
    private BackendChooser() {}

    /** The outcome: the chosen backend and, per candidate, why it was or was not used. */
    public record Choice(Backend backend, List<String> notes) {}

    /** Uses system property {@code llmfs.device}, then env {@code TUTOR_DEVICE}, then {@code auto}. */
    public static Choice chooseDefault() {
        String dev = System.getProperty("llmfs.device");
        if (dev == null || dev.isBlank()) dev = System.getenv("TUTOR_DEVICE");
        if (dev == null || dev.isBlank()) dev = "auto";
        return choose(dev);
    }

    /** Picks a backend for {@code device}: {@code auto}, {@code opencl}, {@code java} or {@code scalar}. */
    public static Choice choose(String device) {
        List<String> notes = new ArrayList<>();
        String d = device.toLowerCase(Locale.ROOT).trim();
        switch (d) {
            case "scalar":
                notes.add("scalar: chosen (requested; the single-threaded reference, slow on purpose)");
                return new Choice(new ScalarBackend(), notes);
            case "java":
                notes.add("java: chosen (requested)");
                return new Choice(java(notes), notes);
            case "opencl": {
                OpenClBackend.Result r = OpenClBackend.create(true);
                if (r.available()) {
                    notes.add("opencl: chosen (requested): " + r.backend().description());
                    return new Choice(r.backend(), notes);
                }
                notes.add("opencl: requested but not usable: " + r.reason());
                notes.add("java: chosen instead");
                return new Choice(java(notes), notes);
            }
            case "auto": {
                OpenClBackend.Result r = OpenClBackend.create(false);
                if (r.available()) {
                    notes.add("opencl: chosen (a GPU): " + r.backend().description());
                    return new Choice(r.backend(), notes);
                }
                notes.add("opencl: skipped: " + r.reason());
                Backend j = java(notes);
                notes.add("java: chosen");
                return new Choice(j, notes);
            }
            default:
                throw new IllegalArgumentException("unknown device '" + device + "': use auto, opencl, java or scalar");
        }
    }

    /** The Java backend with SIMD kernels when the Vector API is there, else its plain-Java twins. */
    private static Backend java(List<String> notes) {
        if (Simd.available()) {
            notes.add("java SIMD: " + Simd.describe());
            return new JavaBackend();
        }
        notes.add("java SIMD: skipped: " + Simd.describe() + "; using plain multi-threaded Java");
        return new JavaBackend(new BlockedMatmul(), new ScalarElementwise());
    }
}
