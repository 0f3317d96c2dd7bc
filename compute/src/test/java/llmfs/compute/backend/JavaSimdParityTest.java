package llmfs.compute.backend;

import llmfs.compute.kernel.Simd;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parity suite on the fast Java backend as {@code auto} picks it: SIMD kernels when the JVM has the Vector API. */
class JavaSimdParityTest extends BackendParity {
    @Override
    protected Backend backendUnderTest() {
        // The build adds jdk.incubator.vector to every test JVM, so a missing Vector API here is a set-up fault.
        assertTrue(Simd.available(), "the Vector API is not available: " + Simd.describe());
        return new JavaBackend();
    }
}
