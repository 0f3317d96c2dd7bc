package llmfs.compute.backend.opencl;

import llmfs.compute.backend.Buffer;
import llmfs.compute.backend.ScalarBackend;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Memory accounting, recycling and closing of a backend of its own. */
class OpenClLifecycleTest {

    @Test
    void freedBuffersAreRecycledAndCloseReleasesEverything() {
        OpenClBackend cl = OpenClTestSupport.freshOrSkip();
        try {
            assertTrue(cl.name().equals("opencl") && cl.description().contains(cl.device().name()), cl.description());
            long before = cl.memoryUse()[0];
            for (int i = 0; i < 50; i++) ((ClBuffer) cl.allocate(100_000)).free();
            long afterLoop = cl.memoryUse()[0];
            assertTrue(afterLoop - before <= DeviceMemory.sizeClass(400_000),
                    "a freed buffer is reused: " + (afterLoop - before) + " bytes grew over 50 allocations");
            assertTrue(cl.memoryUse()[1] >= 400_000, "the freed buffer waits in the pool");
            Buffer kept = cl.allocate(10);
            cl.close();
            assertEquals(0, cl.memoryUse()[0], "close releases pooled and live buffers");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> cl.allocate(4));
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> cl.download(kept, 0, new float[10], 0, 10));
            assertDoesNotThrow(cl::close, "closing twice is harmless");
        } finally {
            cl.close();
        }
    }

    @Test
    void buffersOfAnotherBackendAreRejectedWithAHint() {
        OpenClBackend cl = OpenClTestSupport.backendOrSkip();
        Buffer host = new ScalarBackend().allocate(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cl.fill(host, 0, 4, 1f));
        assertTrue(e.getMessage().contains("scalar backend") && e.getMessage().contains("after choosing"),
                e.getMessage());
    }
}
