package llmfs.compute.backend.opencl;

import llmfs.compute.backend.Backend;
import llmfs.compute.backend.Buffer;

import java.lang.ref.Cleaner;

/**
 * A buffer in OpenCL device memory (a cl_mem). Its memory goes back to the backend's pool when the buffer becomes
 * unreachable, so tensors need no explicit freeing.
 */
public final class ClBuffer implements Buffer {
    private static final Cleaner CLEANER = Cleaner.create();

    private final OpenClBackend owner;
    private final int size;
    final long mem;
    private final Cleaner.Cleanable cleanable;

    ClBuffer(OpenClBackend owner, DeviceMemory memory, int size) {
        this.owner = owner;
        this.size = size;
        DeviceMemory.Lease lease = memory.take(4L * size);
        this.mem = lease.mem;
        // The lease, not this buffer, is registered: the cleanup action must not keep the buffer reachable.
        this.cleanable = CLEANER.register(this, lease);
    }

    /** Number of 4-byte elements (floats, or ints for internal index buffers). */
    @Override
    public int size() {
        return size;
    }

    @Override
    public Backend backend() {
        return owner;
    }

    /** Returns the memory to the pool now; for temporaries whose last use has been enqueued. */
    void free() {
        cleanable.clean();
    }
}
