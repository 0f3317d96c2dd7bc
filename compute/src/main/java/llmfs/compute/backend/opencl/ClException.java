package llmfs.compute.backend.opencl;

/** An OpenCL call failed; the message names the call and the error code. */
public class ClException extends RuntimeException {
    private final int code;

    public ClException(String message, int code) {
        super(message);
        this.code = code;
    }

    /** The OpenCL error code (negative), or 0 when the failure was not a single call's status. */
    public int code() {
        return code;
    }
}
