package llmfs.compute.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The provider chain that picks a backend: requested by {@code --device} / {@code TUTOR_DEVICE}, or in {@code auto}
 * mode the fastest available one. Every backend that was skipped keeps its reason, for {@code tutor doctor}.
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
                notes.add("scalar: chosen (requested)");
                return new Choice(new ScalarBackend(), notes);
            case "java":
                notes.add("java: chosen (requested)");
                return new Choice(new JavaBackend(), notes);
            case "auto":
                notes.add("java: chosen (" + llmfs.compute.kernel.Simd.describe() + ")");
                return new Choice(new JavaBackend(), notes);
            default:
                throw new IllegalArgumentException("unknown device '" + device
                        + "': use auto, opencl, java or scalar");
        }
    }
}
