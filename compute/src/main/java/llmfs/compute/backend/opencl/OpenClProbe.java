package llmfs.compute.backend.opencl;

import org.lwjgl.PointerBuffer;
import org.lwjgl.opencl.CL;
import org.lwjgl.opencl.CL10;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.MemoryStack;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.lwjgl.system.MemoryUtil.memUTF8;

/**
 * Finds out, once per process, whether OpenCL can be used here: the platforms (drivers) and their devices, or the
 * reason there are none, phrased as what to install. {@code tutor doctor} prints {@link #report()}.
 */
public final class OpenClProbe {
    private OpenClProbe() {}

    /** The system property LWJGL reads for the OpenCL library's file name. */
    static final String LIBRARY_PROPERTY = "org.lwjgl.opencl.libname";
    /** Debian and Ubuntu ship the ICD loader as {@code libOpenCL.so.1}; {@code libOpenCL.so} only with -dev. */
    static final String LINUX_LIBRARY = "libOpenCL.so.1";

    /** One OpenCL platform (an installed driver) and its devices, or why its devices could not be listed. */
    public record Platform(String name, String vendor, String version, List<ClDevice> devices, String problem) {}

    /**
     * What the probe found.
     *
     * @param platforms         every platform, possibly empty
     * @param unavailableReason why OpenCL cannot be used (what to install), or {@code null} when some device exists
     */
    public record Probe(List<Platform> platforms, String unavailableReason) {
        /** True when at least one device was found. */
        public boolean available() {
            return unavailableReason == null;
        }

        /** Every device of every platform, in platform order. */
        public List<ClDevice> devices() {
            List<ClDevice> all = new ArrayList<>();
            for (Platform p : platforms) all.addAll(p.devices());
            return all;
        }
    }

    private static Probe cached;

    /** Probes OpenCL on first call and returns the same answer afterwards (loading a missing library twice fails differently). */
    public static synchronized Probe probe() {
        if (cached == null) cached = run();
        return cached;
    }

    /** A multi-line description: each platform and device with its limits, or the reason OpenCL is unavailable. */
    public static String report() {
        Probe p = probe();
        StringBuilder sb = new StringBuilder();
        if (p.platforms().isEmpty()) {
            return sb.append("OpenCL: unavailable — ").append(p.unavailableReason()).toString();
        }
        sb.append("OpenCL: ").append(p.platforms().size()).append(p.platforms().size() == 1 ? " platform" : " platforms");
        if (!p.available()) sb.append(", unusable — ").append(p.unavailableReason());
        for (Platform pl : p.platforms()) {
            sb.append("\n  platform: ").append(pl.name()).append(" — ").append(pl.vendor()).append(", ")
                    .append(pl.version());
            if (pl.problem() != null) sb.append("\n    ").append(pl.problem());
            for (ClDevice d : pl.devices()) {
                sb.append("\n    device: ").append(d.name()).append(" — ").append(d.vendor()).append(", ")
                        .append(d.version());
                sb.append(String.format(Locale.ROOT,
                        "\n      type %s, %d compute units, %s global memory (largest buffer %s), %s local memory,"
                                + " work-groups up to %d",
                        d.type(), d.computeUnits(), ClDevice.bytes(d.globalMemBytes()),
                        ClDevice.bytes(d.maxAllocBytes()), ClDevice.bytes(d.localMemBytes()), d.maxWorkGroupSize()));
                if (!d.supportsOpenCl12()) sb.append("\n      not usable: the backend needs OpenCL 1.2 or newer");
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- reasons (unit-tested)

    /** The library could not be loaded at all. */
    static String missingLibraryReason(String library, Throwable error) {
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return "the OpenCL library " + library + " is missing: install ocl-icd-libopencl1 (Debian/Ubuntu: "
                + "sudo apt-get install ocl-icd-libopencl1) and an OpenCL driver for your hardware, e.g. the GPU "
                + "vendor's driver or pocl-opencl-icd for the CPU [" + detail + "]";
    }

    /** The library loaded but reported no platform ({@code code} is the status of clGetPlatformIDs). */
    static String noPlatformReason(int code) {
        String status = code == ClErrors.CL_SUCCESS ? "0 platforms" : ClErrors.name(code);
        return "no OpenCL platform found (" + status + "): install an OpenCL driver, e.g. the Debian package "
                + "pocl-opencl-icd (CPU), nvidia-opencl-icd (NVIDIA GPU) or mesa-opencl-icd (AMD/Intel GPU), "
                + "and check that /etc/OpenCL/vendors lists it";
    }

    /** Platforms exist but none reported a device. */
    static String noDeviceReason(int platforms) {
        return platforms + (platforms == 1 ? " OpenCL platform was" : " OpenCL platforms were")
                + " found but no device: check that the driver supports this hardware (for a GPU, that the "
                + "kernel module is loaded and this user may access /dev/dri or /dev/nvidia*)";
    }

    // ---------------------------------------------------------------- probing

    /** The library name to load: the system property if set, else the Linux runtime name. */
    static String libraryName() {
        String configured = System.getProperty(LIBRARY_PROPERTY);
        if (configured != null && !configured.isBlank()) return configured;
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("linux") ? LINUX_LIBRARY : "OpenCL";
    }

    private static Probe run() {
        String lib = libraryName();
        try {
            if (System.getProperty(LIBRARY_PROPERTY) == null && LINUX_LIBRARY.equals(lib)) {
                Configuration.OPENCL_LIBRARY_NAME.set(lib);
            }
            CL.getICD(); // loads the library: the only step that throws when it is missing
        } catch (Throwable t) {
            // UnsatisfiedLinkError the first time, NoClassDefFoundError on later touches of CL: catch everything.
            return new Probe(List.of(), missingLibraryReason(lib, t));
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer count = stack.mallocInt(1);
            int err = CL10.clGetPlatformIDs(null, count);
            if (err != ClErrors.CL_SUCCESS || count.get(0) == 0) return new Probe(List.of(), noPlatformReason(err));
            PointerBuffer ids = stack.mallocPointer(count.get(0));
            ClErrors.check(CL10.clGetPlatformIDs(ids, (IntBuffer) null), "clGetPlatformIDs");
            List<Platform> platforms = new ArrayList<>();
            int devices = 0;
            for (int i = 0; i < ids.capacity(); i++) {
                Platform p = platform(ids.get(i));
                devices += p.devices().size();
                platforms.add(p);
            }
            return new Probe(List.copyOf(platforms), devices == 0 ? noDeviceReason(platforms.size()) : null);
        } catch (Throwable t) {
            return new Probe(List.of(), "OpenCL did not answer the device query: " + t);
        }
    }

    private static Platform platform(long id) {
        String name = platformString(id, CL10.CL_PLATFORM_NAME);
        String vendor = platformString(id, CL10.CL_PLATFORM_VENDOR);
        String version = platformString(id, CL10.CL_PLATFORM_VERSION);
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer count = stack.mallocInt(1);
            int err = CL10.clGetDeviceIDs(id, CL10.CL_DEVICE_TYPE_ALL, null, count);
            if (err == ClErrors.CL_DEVICE_NOT_FOUND || (err == 0 && count.get(0) == 0)) {
                return new Platform(name, vendor, version, List.of(), "no devices on this platform");
            }
            if (err != ClErrors.CL_SUCCESS) {
                return new Platform(name, vendor, version, List.of(), "listing devices failed: " + ClErrors.name(err));
            }
            PointerBuffer ids = stack.mallocPointer(count.get(0));
            ClErrors.check(CL10.clGetDeviceIDs(id, CL10.CL_DEVICE_TYPE_ALL, ids, (IntBuffer) null), "clGetDeviceIDs");
            List<ClDevice> devices = new ArrayList<>();
            for (int i = 0; i < ids.capacity(); i++) devices.add(device(id, name, ids.get(i)));
            return new Platform(name, vendor, version, List.copyOf(devices), null);
        }
    }

    private static ClDevice device(long platform, String platformName, long id) {
        long type = deviceLong(id, CL10.CL_DEVICE_TYPE);
        ClDevice.Type t = (type & CL10.CL_DEVICE_TYPE_GPU) != 0 ? ClDevice.Type.GPU
                : (type & CL10.CL_DEVICE_TYPE_CPU) != 0 ? ClDevice.Type.CPU
                : (type & CL10.CL_DEVICE_TYPE_ACCELERATOR) != 0 ? ClDevice.Type.ACCELERATOR : ClDevice.Type.OTHER;
        boolean exact = (deviceLong(id, CL10.CL_DEVICE_SINGLE_FP_CONFIG)
                & org.lwjgl.opencl.CL12.CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0;
        return new ClDevice(platform, id, platformName, deviceString(id, CL10.CL_DEVICE_NAME).trim(),
                deviceString(id, CL10.CL_DEVICE_VENDOR).trim(), deviceString(id, CL10.CL_DEVICE_VERSION).trim(), t,
                deviceInt(id, CL10.CL_DEVICE_MAX_COMPUTE_UNITS), deviceLong(id, CL10.CL_DEVICE_GLOBAL_MEM_SIZE),
                deviceLong(id, CL10.CL_DEVICE_LOCAL_MEM_SIZE), deviceLong(id, CL10.CL_DEVICE_MAX_MEM_ALLOC_SIZE),
                deviceSize(id, CL10.CL_DEVICE_MAX_WORK_GROUP_SIZE), exact);
    }

    private static String platformString(long id, int param) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer size = stack.mallocPointer(1);
            ClErrors.check(CL10.clGetPlatformInfo(id, param, (ByteBuffer) null, size), "clGetPlatformInfo");
            ByteBuffer buf = stack.malloc((int) size.get(0));
            ClErrors.check(CL10.clGetPlatformInfo(id, param, buf, null), "clGetPlatformInfo");
            return memUTF8(buf, Math.max(0, buf.capacity() - 1));
        }
    }

    static String deviceString(long id, int param) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer size = stack.mallocPointer(1);
            ClErrors.check(CL10.clGetDeviceInfo(id, param, (ByteBuffer) null, size), "clGetDeviceInfo");
            ByteBuffer buf = stack.malloc((int) size.get(0));
            ClErrors.check(CL10.clGetDeviceInfo(id, param, buf, null), "clGetDeviceInfo");
            return memUTF8(buf, Math.max(0, buf.capacity() - 1));
        }
    }

    private static int deviceInt(long id, int param) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer v = stack.mallocInt(1);
            ClErrors.check(CL10.clGetDeviceInfo(id, param, v, null), "clGetDeviceInfo");
            return v.get(0);
        }
    }

    private static long deviceLong(long id, int param) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            LongBuffer v = stack.mallocLong(1);
            ClErrors.check(CL10.clGetDeviceInfo(id, param, v, null), "clGetDeviceInfo");
            return v.get(0);
        }
    }

    private static long deviceSize(long id, int param) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer v = stack.mallocPointer(1);
            ClErrors.check(CL10.clGetDeviceInfo(id, param, v, null), "clGetDeviceInfo");
            return v.get(0);
        }
    }
}
