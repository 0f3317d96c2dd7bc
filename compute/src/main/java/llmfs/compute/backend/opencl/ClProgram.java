package llmfs.compute.backend.opencl;

import llmfs.compute.backend.BinaryOp;
import llmfs.compute.backend.UnaryOp;
import org.lwjgl.PointerBuffer;
import org.lwjgl.opencl.CL10;
import org.lwjgl.system.MemoryStack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;

import static org.lwjgl.system.MemoryUtil.memUTF8;

/** Assembles the kernel sources from the {@code *.cl} resources and compiles them, returning the log on failure. */
final class ClProgram {
    private ClProgram() {}

    /** Kernel files in the order they are concatenated (shared functions first). */
    static final String[] FILES = {"common.cl", "elementwise.cl", "layout.cl", "reduce.cl", "rows.cl", "matmul.cl"};

    /** The whole program: op-code definitions generated from the Java enums, the work-group shape, then every file. */
    static String source(int tile) {
        StringBuilder sb = new StringBuilder();
        for (UnaryOp op : UnaryOp.values()) sb.append("#define UNARY_").append(op.name()).append(' ').append(op.ordinal()).append('\n');
        for (BinaryOp op : BinaryOp.values()) sb.append("#define BINARY_").append(op.name()).append(' ').append(op.ordinal()).append('\n');
        sb.append("#define TS ").append(tile).append('\n');
        for (String f : FILES) sb.append("// ---- ").append(f).append('\n').append(resource(f)).append('\n');
        return sb.toString();
    }

    private static String resource(String name) {
        try (InputStream in = ClProgram.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("kernel source " + name + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading kernel source " + name, e);
        }
    }

    /**
     * Compiles {@code source} for one device of {@code context}.
     *
     * @return the cl_program handle (the caller releases it)
     * @throws KernelBuildException with the compiler's log when the source does not compile
     */
    static long build(long context, ClDevice device, String source, String options) throws KernelBuildException {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer err = stack.mallocInt(1);
            long program = CL10.clCreateProgramWithSource(context, source, err);
            ClErrors.check(err.get(0), "clCreateProgramWithSource");
            int status = CL10.clBuildProgram(program, device.id(), options, null, 0);
            if (status != ClErrors.CL_SUCCESS) {
                String log = buildLog(program, device.id());
                CL10.clReleaseProgram(program);
                throw new KernelBuildException(device.name(), ClErrors.name(status), log);
            }
            return program;
        }
    }

    static String buildLog(long program, long device) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer size = stack.mallocPointer(1);
            if (CL10.clGetProgramBuildInfo(program, device, CL10.CL_PROGRAM_BUILD_LOG, (ByteBuffer) null, size) != 0) {
                return "";
            }
            ByteBuffer buf = org.lwjgl.system.MemoryUtil.memAlloc((int) Math.max(1, size.get(0)));
            try {
                CL10.clGetProgramBuildInfo(program, device, CL10.CL_PROGRAM_BUILD_LOG, buf, null);
                return memUTF8(buf, Math.max(0, (int) size.get(0) - 1));
            } finally {
                org.lwjgl.system.MemoryUtil.memFree(buf);
            }
        }
    }
}
