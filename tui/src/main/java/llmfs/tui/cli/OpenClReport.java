package llmfs.tui.cli;

import java.util.List;

/** The OpenCL part of {@code tutor doctor}: platforms and devices, or why OpenCL is off. */
final class OpenClReport {
    private OpenClReport() {}

    static List<String> lines() {
        return List.of("not part of this build yet");
    }
}
