package llmfs.compute.backend.opencl;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One OpenCL device as the probe found it: what it is and the limits the backend sizes its kernels by.
 *
 * @param platform           the cl_platform_id handle
 * @param id                 the cl_device_id handle
 * @param platformName       name of the platform (driver) that exposes the device
 * @param globalMemBytes     CL_DEVICE_GLOBAL_MEM_SIZE
 * @param localMemBytes      CL_DEVICE_LOCAL_MEM_SIZE (per work-group)
 * @param maxAllocBytes      CL_DEVICE_MAX_MEM_ALLOC_SIZE (largest single buffer)
 * @param maxWorkGroupSize   CL_DEVICE_MAX_WORK_GROUP_SIZE
 * @param exactDivideSqrt    whether float division and sqrt can be compiled correctly rounded
 */
public record ClDevice(long platform, long id, String platformName, String name, String vendor, String version,
                       Type type, int computeUnits, long globalMemBytes, long localMemBytes, long maxAllocBytes,
                       long maxWorkGroupSize, boolean exactDivideSqrt) {

    /** The kind of device, from CL_DEVICE_TYPE. */
    public enum Type { GPU, CPU, ACCELERATOR, OTHER }

    private static final Pattern VERSION = Pattern.compile("OpenCL (\\d+)\\.(\\d+)");

    /** True for OpenCL 1.2 or newer, which the backend needs (clEnqueueFillBuffer). */
    public boolean supportsOpenCl12() {
        Matcher m = VERSION.matcher(version);
        if (!m.find()) return false;
        int major = Integer.parseInt(m.group(1)), minor = Integer.parseInt(m.group(2));
        return major > 1 || (major == 1 && minor >= 2);
    }

    /** One line: name, type, compute units, memory and work-group limit. */
    public String summary() {
        return String.format(Locale.ROOT, "%s (%s, %d compute units, %s global memory, %s local, work-groups up to %d)",
                name, type, computeUnits, bytes(globalMemBytes), bytes(localMemBytes), maxWorkGroupSize);
    }

    /** A byte count for people: {@code 79.1 GB}, {@code 48 KB}. */
    static String bytes(long b) {
        if (b >= 1L << 30) return String.format(Locale.ROOT, "%.1f GB", b / (double) (1L << 30));
        if (b >= 1L << 20) return String.format(Locale.ROOT, "%.1f MB", b / (double) (1L << 20));
        if (b >= 1L << 10) return (b >> 10) + " KB";
        return b + " bytes";
    }
}
