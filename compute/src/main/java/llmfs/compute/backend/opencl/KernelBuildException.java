package llmfs.compute.backend.opencl;

/** The OpenCL compiler rejected the kernel sources; the message carries the compiler's build log. */
public final class KernelBuildException extends Exception {
    private final String log;

    public KernelBuildException(String device, String status, String log) {
        super("compiling the OpenCL kernels for " + device + " failed (" + status + "); build log:\n"
                + (log.isBlank() ? "(the driver gave no log)" : log.strip()));
        this.log = log;
    }

    /** The compiler's log as the driver returned it. */
    public String buildLog() {
        return log;
    }
}
