package llmfs.compute.backend.opencl;

import org.lwjgl.PointerBuffer;
import org.lwjgl.opencl.CL10;
import org.lwjgl.opencl.CL12;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The backend's single in-order command queue. Kernels and copies are enqueued without waiting; only reads block,
 * and because the queue is in order a completed read also means everything before it has finished.
 *
 * <p>Uploads are staged in native memory and enqueued without blocking, so feeding token ids to a kernel does not
 * stall the queue; the staging memory is freed at the next point where the queue is known to be idle.
 */
final class ClQueue {
    /** Pending staged uploads above this size force a wait, bounding native memory held for uploads. */
    private static final long STAGING_LIMIT = 64L << 20;
    private static final int CHUNK_BYTES = 16 << 20;

    /** A {@code __local} kernel argument of the given size in bytes. */
    record Local(long bytes) {}

    final long handle;
    private final List<ByteBuffer> staged = new ArrayList<>();
    private long stagedBytes;

    ClQueue(long handle) {
        this.handle = handle;
    }

    /**
     * Sets the arguments of {@code kernel} and enqueues it. Arguments may be {@link ClBuffer}, {@link Integer},
     * {@link Float}, {@code int[]} (an {@code intN} vector) or {@link Local}.
     *
     * @param offset global work offset, or {@code null}
     */
    void run(Kernel kernel, long[] global, long[] local, long[] offset, Object... args) {
        long k = kernel.handle();
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            int err;
            if (a instanceof ClBuffer b) err = CL10.clSetKernelArg1p(k, i, b.mem);
            else if (a instanceof Integer v) err = CL10.clSetKernelArg1i(k, i, v);
            else if (a instanceof Float v) err = CL10.clSetKernelArg1f(k, i, v);
            else if (a instanceof int[] v) err = CL10.clSetKernelArg(k, i, v);
            else if (a instanceof Local l) err = CL10.clSetKernelArg(k, i, l.bytes());
            else throw new IllegalArgumentException("kernel argument of type " + a.getClass());
            ClErrors.check(err, "setting argument " + i + " of kernel " + kernel.name());
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer g = stack.mallocPointer(global.length);
            PointerBuffer l = stack.mallocPointer(global.length);
            for (int d = 0; d < global.length; d++) {
                g.put(d, global[d]);
                l.put(d, local[d]);
            }
            PointerBuffer o = offset == null ? null : stack.pointers(offset);
            int err = CL10.clEnqueueNDRangeKernel(handle, k, global.length, o, g, l, null, null);
            checkEnqueue(err, "running kernel " + kernel.name());
        }
    }

    /** Enqueues a copy of {@code len} floats (or ints) from host memory into {@code dst} at element {@code dstOff}. */
    void write(ClBuffer dst, int dstOff, float[] src, int off, int len) {
        for (int done = 0; done < len; ) {
            int n = Math.min(len - done, CHUNK_BYTES / 4);
            ByteBuffer stage = MemoryUtil.memAlloc(4 * n);
            stage.asFloatBuffer().put(src, off + done, n);
            enqueueStaged(dst, dstOff + done, stage);
            done += n;
        }
    }

    void write(ClBuffer dst, int dstOff, int[] src, int off, int len) {
        for (int done = 0; done < len; ) {
            int n = Math.min(len - done, CHUNK_BYTES / 4);
            ByteBuffer stage = MemoryUtil.memAlloc(4 * n);
            stage.asIntBuffer().put(src, off + done, n);
            enqueueStaged(dst, dstOff + done, stage);
            done += n;
        }
    }

    private void enqueueStaged(ClBuffer dst, int dstOff, ByteBuffer stage) {
        int err = CL10.nclEnqueueWriteBuffer(handle, dst.mem, CL10.CL_FALSE, 4L * dstOff, stage.capacity(),
                MemoryUtil.memAddress(stage), 0, 0, 0);
        if (err != ClErrors.CL_SUCCESS) {
            MemoryUtil.memFree(stage);
            checkEnqueue(err, "uploading to the device");
        }
        staged.add(stage);
        stagedBytes += stage.capacity();
        if (stagedBytes > STAGING_LIMIT) finish();
    }

    /**
     * Reads {@code len} floats; blocks until they (and all earlier work) are done. The read lands in native memory:
     * reading straight into a Java array would pin it for as long as the queue takes to drain, stalling the GC.
     */
    void read(ClBuffer src, int srcOff, float[] dst, int dstOff, int len) {
        FloatBuffer tmp = MemoryUtil.memAllocFloat(len);
        try {
            int err = CL10.clEnqueueReadBuffer(handle, src.mem, true, 4L * srcOff, tmp, null, null);
            checkEnqueue(err, "reading from the device");
            tmp.get(dst, dstOff, len);
        } finally {
            MemoryUtil.memFree(tmp);
        }
        releaseStaging();
    }

    void copy(ClBuffer src, int srcOff, ClBuffer dst, int dstOff, int len) {
        int err = CL10.clEnqueueCopyBuffer(handle, src.mem, dst.mem, 4L * srcOff, 4L * dstOff, 4L * len, null, null);
        checkEnqueue(err, "copying on the device");
    }

    void fill(ClBuffer dst, int off, int len, float value) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            ByteBuffer pattern = stack.malloc(4);
            pattern.putFloat(0, value);
            int err = CL12.clEnqueueFillBuffer(handle, dst.mem, pattern, 4L * off, 4L * len, null, null);
            checkEnqueue(err, "filling a device buffer");
        }
    }

    /** Waits for all enqueued work. */
    void finish() {
        checkEnqueue(CL10.clFinish(handle), "waiting for the device");
        releaseStaging();
    }

    private void releaseStaging() {
        for (ByteBuffer b : staged) MemoryUtil.memFree(b);
        staged.clear();
        stagedBytes = 0;
    }

    /** Waits for pending uploads and frees their staging memory, then releases the queue. */
    void close() {
        CL10.clFinish(handle);
        releaseStaging();
        CL10.clReleaseCommandQueue(handle);
    }

    /** Like {@link ClErrors#check} but explains the resource errors a learner can actually cause. */
    static void checkEnqueue(int err, String what) {
        if (err == ClErrors.CL_SUCCESS) return;
        if (err == ClErrors.CL_MEM_OBJECT_ALLOCATION_FAILURE || err == ClErrors.CL_OUT_OF_RESOURCES
                || err == ClErrors.CL_OUT_OF_HOST_MEMORY) {
            throw new OutOfDeviceMemoryException(what + " failed: " + ClErrors.name(err) + " — the OpenCL device ran "
                    + "out of memory or resources; use a smaller model, batch or context length, or run with "
                    + "--device java");
        }
        throw new ClException(what + " failed: " + ClErrors.name(err), err);
    }
}
