package llmfs.compute.backend;

import llmfs.compute.kernel.BlockedMatmul;
import llmfs.compute.kernel.ScalarElementwise;

/** The parity suite on the Java backend without the Vector API: blocked matmul and scalar elementwise twins. */
class JavaPlainParityTest extends BackendParity {
    @Override
    protected Backend backendUnderTest() {
        return new JavaBackend(new BlockedMatmul(), new ScalarElementwise());
    }
}
