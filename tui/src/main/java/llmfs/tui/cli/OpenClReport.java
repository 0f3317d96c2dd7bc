package llmfs.tui.cli;

import llmfs.compute.backend.opencl.OpenClProbe;

import java.util.List;

/** The OpenCL part of {@code tutor doctor}: platforms and devices, or why OpenCL is off. */
final class OpenClReport {
    private OpenClReport() {}

    static List<String> lines() {
        return OpenClProbe.report().lines().map(l -> l.startsWith("OpenCL: ") ? l.substring(8) : l).toList();
    }
}
