package llmfs.tui.cli;

import llmfs.compute.backend.BackendChooser;
import llmfs.compute.backend.ScalarBackend;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Asking for OpenCL where it cannot run says so, with the reason and what runs instead. */
class DeviceFallbackTest {
    @Test
    void aFallbackFromOpenClIsOneLineWithTheReason() {
        BackendChooser.Choice fell = new BackendChooser.Choice(new ScalarBackend(), List.of(
                "opencl: requested but not usable: no OpenCL platform found (CL_PLATFORM_NOT_FOUND_KHR (-1001))",
                "java: chosen instead"));
        String note = GlobalOptions.fallbackNote("opencl", fell, "--device opencl");
        assertEquals("tutor: --device opencl: OpenCL is not usable here, so the scalar backend runs instead ("
                + new ScalarBackend().description() + "). Why: no OpenCL platform found (CL_PLATFORM_NOT_FOUND_KHR"
                + " (-1001)). `tutor doctor` shows the details.", note);
        assertNull(GlobalOptions.fallbackNote("java", fell, "--device java"), "nothing to say when java was asked for");
    }

    @Test
    void whateverThisMachineHasTheChoiceIsReportedTruthfully() {
        BackendChooser.Choice c = BackendChooser.choose("opencl");
        String note = GlobalOptions.fallbackNote("opencl", c, "--device opencl");
        if (c.backend().name().equals("opencl")) assertNull(note, "OpenCL runs: no fallback to report");
        else org.junit.jupiter.api.Assertions.assertTrue(note.contains("runs instead") && note.contains("Why: "), note);
    }
}
