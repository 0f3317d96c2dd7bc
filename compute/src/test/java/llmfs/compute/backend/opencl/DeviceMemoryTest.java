package llmfs.compute.backend.opencl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Size classes of the buffer pool (pure arithmetic, no device needed). */
class DeviceMemoryTest {

    @Test
    void sizeClassesCoverTheRequestWithAtMostAQuarterWasted() {
        long previous = 0;
        for (long bytes = 1; bytes < 5_000_000; bytes += 1 + bytes / 7) {
            long c = DeviceMemory.sizeClass(bytes);
            assertTrue(c >= bytes, "class " + c + " for " + bytes);
            assertTrue(c >= previous, "classes grow with the request");
            if (bytes > DeviceMemory.MIN_CLASS) assertTrue(c * 4 <= bytes * 5 + 4, "class " + c + " for " + bytes);
            previous = c;
        }
    }

    @Test
    void sizeClassExamples() {
        assertEquals(256, DeviceMemory.sizeClass(0));
        assertEquals(256, DeviceMemory.sizeClass(256));
        assertEquals(320, DeviceMemory.sizeClass(257));   // 256 + 64
        assertEquals(1024, DeviceMemory.sizeClass(1000)); // 512 + 4·128
        assertEquals(1280, DeviceMemory.sizeClass(1025));
        assertEquals(1 << 20, DeviceMemory.sizeClass(1 << 20));
    }

    @Test
    void aBufferLargerThanTheDeviceAllowsIsRefusedWithAdvice() {
        // The size check comes before any driver call, so no context is needed.
        DeviceMemory memory = new DeviceMemory(0, 1 << 20, 1 << 16, "Test GPU");
        OutOfDeviceMemoryException e = assertThrows(OutOfDeviceMemoryException.class, () -> memory.take(1 << 17));
        assertTrue(e.getMessage().contains("128 KB") && e.getMessage().contains("64 KB"), e.getMessage());
        assertTrue(e.getMessage().contains("Test GPU") && e.getMessage().contains("--device java"), e.getMessage());
    }
}
