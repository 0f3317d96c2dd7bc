package llmfs.compute.backend.opencl;

import llmfs.compute.backend.Backend;
import llmfs.compute.backend.BackendParity;
import llmfs.compute.backend.BinaryOp;
import llmfs.compute.backend.Broadcast;
import llmfs.compute.backend.Buffer;

import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parity suite on OpenCL (PoCL in CI, a GPU where there is one), every matmul path included. Without a device
 * it is skipped loudly, or fails when {@code TUTOR_REQUIRE_OPENCL=1}.
 */
class OpenClParityTest extends BackendParity {
    @Override
    protected Backend backendUnderTest() {
        return OpenClTestSupport.backendOrSkip();
    }

    @Test
    void pooledBuffersAreZeroedWhenReused() {
        ClBuffer first = (ClBuffer) cl.allocate(4096);
        cl.fill(first, 0, 4096, 7f);
        long mem = first.mem;
        first.free();
        ClBuffer second = (ClBuffer) cl.allocate(4096);
        assertEquals(mem, second.mem, "the freed buffer should come back from the pool");
        for (float f : download(second)) assertEquals(0f, f, "a reused buffer must be zero-filled");
    }

    @Test
    void binaryRefusesNineDimensionsThatCannotMerge() {
        Broadcast bc = new Broadcast(new int[]{2, 3, 2, 3, 2, 3, 2, 3, 2}, new int[]{3, 1, 3, 1, 3, 1, 3, 1}, "add");
        Buffer a = cl.allocate(bc.size), b = cl.allocate(3 * 3 * 3 * 3), out = cl.allocate(bc.size);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cl.binary(BinaryOp.ADD, a, b, out, bc));
        assertTrue(e.getMessage().contains("up to 8 dimensions") && e.getMessage().contains("--device java"),
                e.getMessage());
    }

    private float[] download(Buffer b) {
        float[] out = new float[b.size()];
        cl.download(b, 0, out, 0, out.length);
        return out;
    }

    @Override
    protected void forEachMatmulVariant(Consumer<String> check) {
        OpenClBackend ocl = (OpenClBackend) cl;
        for (OpenClBackend.MatmulPath path : OpenClBackend.MatmulPath.values()) {
            ocl.useMatmulPath(path);
            try {
                check.accept(path.toString());
            } finally {
                ocl.useMatmulPath(OpenClBackend.MatmulPath.AUTO);
            }
        }
    }
}
