package llmfs.compute.backend.opencl;

/**
 * A compiled kernel and the largest work-group it may be launched with on its device.
 *
 * @param maxGroup CL_KERNEL_WORK_GROUP_SIZE (never above the device's own limit)
 */
record Kernel(long handle, String name, int maxGroup) {}
