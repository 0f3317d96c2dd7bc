package llmfs.compute.backend.opencl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assembled kernel source (no device needed): op codes come from the Java enums and every op has a case. */
class ClProgramSourceTest {

    @Test
    void theProgramSourceHasTheOpCodesOfTheJavaEnums() {
        String src = ClProgram.source(16);
        for (llmfs.compute.backend.UnaryOp op : llmfs.compute.backend.UnaryOp.values()) {
            assertTrue(src.contains("#define UNARY_" + op.name() + " " + op.ordinal() + "\n"), op.name());
            assertTrue(src.contains("case UNARY_" + op.name() + ":"), "the kernels handle " + op.name());
        }
        for (llmfs.compute.backend.BinaryOp op : llmfs.compute.backend.BinaryOp.values()) {
            assertTrue(src.contains("case BINARY_" + op.name() + ":"), "the kernels handle " + op.name());
        }
    }
}
