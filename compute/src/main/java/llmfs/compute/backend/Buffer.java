package llmfs.compute.backend;

/**
 * A block of float32 memory owned by one {@link Backend}: a Java array for the CPU backends, a device buffer for
 * OpenCL. Tensors hold buffers; only their backend reads or writes them.
 */
public interface Buffer {
    /** Number of floats. */
    int size();

    /** The backend that owns this buffer. */
    Backend backend();
}
