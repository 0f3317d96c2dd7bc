package llmfs.compute.backend.opencl;

import org.lwjgl.opencl.CL10;
import org.lwjgl.system.MemoryStack;

import java.nio.IntBuffer;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Device memory for one context, recycled through a pool of size classes: a training step allocates the same
 * shapes every iteration, so after the first step buffers come from the pool instead of the driver.
 *
 * <p>Buffers are returned when their {@link ClBuffer} becomes unreachable (a {@link java.lang.ref.Cleaner}) or when
 * the backend frees a temporary. Returning early is safe because the backend uses one in-order queue: a kernel that
 * still reads the memory was enqueued before anything that reuses it. Because the Java heap hardly notices device
 * buffers, the garbage collector is asked to run when the device budget is reached.
 */
final class DeviceMemory {
    /** Smallest size class; also gives zero-length buffers a real allocation. */
    static final long MIN_CLASS = 256;

    private final long context;
    private final long budget;
    private final long maxAlloc;
    private final long poolCap;
    private final String deviceName;

    private final Map<Long, ArrayDeque<Long>> free = new HashMap<>();
    private final Set<Lease> leases = ConcurrentHashMap.newKeySet();
    private long pooledBytes;
    private long liveBytes;
    private boolean closed;

    /**
     * @param budget   bytes of device buffers (in use or pooled) above which unreachable buffers are collected first
     * @param maxAlloc the device's largest single allocation
     */
    DeviceMemory(long context, long budget, long maxAlloc, String deviceName) {
        this.context = context;
        this.budget = budget;
        this.maxAlloc = maxAlloc;
        this.poolCap = budget / 2;
        this.deviceName = deviceName;
    }

    /**
     * The size class for {@code bytes}: the next multiple of a quarter of the enclosing power of two, so at most a
     * quarter of a buffer is wasted and few distinct classes exist.
     */
    static long sizeClass(long bytes) {
        if (bytes <= MIN_CLASS) return MIN_CLASS;
        int e = 63 - Long.numberOfLeadingZeros(bytes - 1); // 2^e < bytes <= 2^(e+1)
        long step = 1L << (e - 2);
        return (bytes + step - 1) / step * step;
    }

    /** One allocation handed out; {@link #run()} gives it back exactly once (from a Cleaner or explicitly). */
    final class Lease implements Runnable {
        final long mem;
        final long bytes;
        private final AtomicBoolean returned = new AtomicBoolean();

        Lease(long mem, long bytes) {
            this.mem = mem;
            this.bytes = bytes;
        }

        @Override
        public void run() {
            if (returned.compareAndSet(false, true)) {
                leases.remove(this);
                give(mem, bytes);
            }
        }
    }

    /** A buffer of at least {@code bytes}; contents are undefined. */
    Lease take(long bytes) {
        long cls = sizeClass(bytes);
        if (cls > maxAlloc) {
            throw new OutOfDeviceMemoryException("a buffer of " + ClDevice.bytes(bytes) + " is larger than the "
                    + ClDevice.bytes(maxAlloc) + " that " + deviceName + " can allocate at once: use a smaller model, "
                    + "batch or context length, or run with --device java");
        }
        Long mem = fromPool(cls);
        if (mem == null && overBudget(cls)) {
            reclaim(cls);
            mem = fromPool(cls);
        }
        if (mem == null) mem = create(cls);
        Lease lease = new Lease(mem, cls);
        leases.add(lease);
        return lease;
    }

    private synchronized Long fromPool(long cls) {
        if (closed) throw new IllegalStateException("the OpenCL backend was closed; create tensors on another backend");
        ArrayDeque<Long> q = free.get(cls);
        if (q == null || q.isEmpty()) return null;
        pooledBytes -= cls;
        return q.pop();
    }

    private synchronized boolean overBudget(long extra) {
        return liveBytes + extra > budget;
    }

    private long create(long cls) {
        int[] err = new int[1];
        long mem = tryCreate(cls, err);
        if (mem == 0) {
            reclaim(Long.MAX_VALUE);
            mem = tryCreate(cls, err);
        }
        if (mem == 0) {
            throw new OutOfDeviceMemoryException("out of memory on " + deviceName + ": could not allocate "
                    + ClDevice.bytes(cls) + " with " + ClDevice.bytes(inUse()) + " already in use ("
                    + ClErrors.name(err[0]) + "); use a smaller model, batch or context length, or run with "
                    + "--device java");
        }
        return mem;
    }

    /** A new cl_mem, or 0 with the status in {@code err[0]}. */
    private synchronized long tryCreate(long cls, int[] err) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer status = stack.mallocInt(1);
            long mem = CL10.clCreateBuffer(context, CL10.CL_MEM_READ_WRITE, cls, status);
            err[0] = status.get(0);
            if (err[0] != ClErrors.CL_SUCCESS) return 0;
            liveBytes += cls;
            return mem;
        }
    }

    /**
     * Runs the garbage collector so Cleaners return unreachable buffers, waits briefly for them, then releases the
     * pool to the driver. Stops waiting once {@code needed} more bytes would fit the budget.
     */
    private void reclaim(long needed) {
        for (int attempt = 0; attempt < 5; attempt++) {
            System.gc();
            try {
                Thread.sleep(10L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            drain();
            if (needed != Long.MAX_VALUE && !overBudget(needed)) return;
        }
    }

    /** Gives a buffer back: into the pool, or to the driver when the pool is full or the context is closed. */
    private synchronized void give(long mem, long cls) {
        if (closed || pooledBytes + cls > poolCap) {
            release(mem, cls);
            return;
        }
        free.computeIfAbsent(cls, c -> new ArrayDeque<>()).push(mem);
        pooledBytes += cls;
    }

    /** Releases every pooled buffer to the driver. */
    synchronized void drain() {
        for (Map.Entry<Long, ArrayDeque<Long>> e : free.entrySet()) {
            for (long mem : e.getValue()) release(mem, e.getKey());
        }
        free.clear();
        pooledBytes = 0;
    }

    private void release(long mem, long cls) {
        CL10.clReleaseMemObject(mem);
        liveBytes -= cls;
    }

    /** Bytes allocated from the driver, in use or pooled. */
    synchronized long inUse() {
        return liveBytes;
    }

    /** Bytes waiting in the pool. */
    synchronized long pooled() {
        return pooledBytes;
    }

    /** Releases everything, including buffers still referenced by tensors (which must not be used afterwards). */
    void close() {
        synchronized (this) {
            if (closed) return;
            drain();
            closed = true;
        }
        for (Lease l : leases.toArray(new Lease[0])) l.run();
    }
}
