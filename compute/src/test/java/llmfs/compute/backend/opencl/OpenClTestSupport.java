package llmfs.compute.backend.opencl;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One OpenCL backend shared by the device tests, or a loud skip when the machine has no OpenCL device. With
 * {@code TUTOR_REQUIRE_OPENCL=1} (set in CI) a missing device fails the tests instead of skipping them.
 */
final class OpenClTestSupport {
    private OpenClTestSupport() {}

    private static OpenClBackend shared;
    private static String unavailable;

    /** The shared backend (CPU devices allowed), or skips/fails the calling test class. */
    static synchronized OpenClBackend backendOrSkip() {
        if (shared == null && unavailable == null) {
            OpenClBackend.Result r = OpenClBackend.create(true);
            if (r.available()) shared = r.backend();
            else unavailable = r.reason();
        }
        if (shared != null) return shared;
        String msg = "OpenCL parity tests SKIPPED: " + unavailable;
        System.err.println("\n**************** " + msg + " ****************\n");
        if ("1".equals(System.getenv("TUTOR_REQUIRE_OPENCL"))) fail("TUTOR_REQUIRE_OPENCL=1 but " + msg);
        assumeTrue(false, msg);
        return null;
    }

    /** A fresh backend of its own (for tests that close it), or skips/fails like {@link #backendOrSkip()}. */
    static OpenClBackend freshOrSkip() {
        backendOrSkip();
        OpenClBackend.Result r = OpenClBackend.create(true);
        if (!r.available()) fail("a second OpenCL backend could not be created: " + r.reason());
        return r.backend();
    }
}
