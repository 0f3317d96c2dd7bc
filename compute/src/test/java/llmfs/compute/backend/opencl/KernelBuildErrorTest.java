package llmfs.compute.backend.opencl;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A kernel that does not compile reports the compiler's log, through the same build path as the backend's kernels. */
class KernelBuildErrorTest {
    static OpenClBackend cl;

    @BeforeAll
    static void start() {
        cl = OpenClTestSupport.backendOrSkip();
    }

    @Test
    void brokenSourceGivesTheBuildLog() {
        String broken = "__kernel void broken(__global float* x) { x[0] = not_declared_anywhere + 1.0f; }";
        KernelBuildException e = assertThrows(KernelBuildException.class, () -> cl.compile(broken));
        assertTrue(e.getMessage().contains("build log:"), e.getMessage());
        assertTrue(e.getMessage().contains("CL_BUILD_PROGRAM_FAILURE"), e.getMessage());
        assertTrue(e.buildLog().contains("not_declared_anywhere"), "the log names the culprit:\n" + e.buildLog());
        assertTrue(e.getMessage().contains(e.buildLog().strip()), "the message carries the whole log");
    }

    @Test
    void validSourceCompiles() {
        assertDoesNotThrow(() -> cl.compile("__kernel void fine(__global float* x) { x[get_global_id(0)] = 1.0f; }"));
    }
}
