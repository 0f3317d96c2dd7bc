package llmfs.compute.backend.opencl;

/** The OpenCL device has no room for another buffer, even after unused buffers were freed. */
public final class OutOfDeviceMemoryException extends RuntimeException {
    public OutOfDeviceMemoryException(String message) {
        super(message);
    }
}
