package llmfs.compute.backend.opencl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe's messages say what to install; these run whether or not the machine has OpenCL. */
class OpenClProbeTest {

    @Test
    void noPlatformReasonNamesTheStatusAndWhatToInstall() {
        String r = OpenClProbe.noPlatformReason(ClErrors.CL_PLATFORM_NOT_FOUND_KHR);
        assertTrue(r.startsWith("no OpenCL platform found"), r);
        assertTrue(r.contains("CL_PLATFORM_NOT_FOUND_KHR (-1001)"), r);
        assertTrue(r.contains("install an OpenCL driver") && r.contains("pocl-opencl-icd"), r);
        assertTrue(r.contains("/etc/OpenCL/vendors"), r);
        assertTrue(OpenClProbe.noPlatformReason(0).contains("(0 platforms)"));
    }

    @Test
    void missingLibraryReasonNamesTheLibraryAndThePackage() {
        String r = OpenClProbe.missingLibraryReason("libOpenCL.so.1",
                new UnsatisfiedLinkError("Failed to locate library: libOpenCL.so.1"));
        assertTrue(r.startsWith("the OpenCL library libOpenCL.so.1 is missing: install ocl-icd-libopencl1"), r);
        assertTrue(r.contains("[Failed to locate library: libOpenCL.so.1]"), r);
        // a later touch of LWJGL's CL class fails without a message: the reason still reads well
        String again = OpenClProbe.missingLibraryReason("libOpenCL.so.1", new NoClassDefFoundError());
        assertTrue(again.endsWith("[NoClassDefFoundError]"), again);
    }

    @Test
    void noDeviceReasonAgreesInNumber() {
        assertTrue(OpenClProbe.noDeviceReason(1).startsWith("1 OpenCL platform was found but no device"));
        assertTrue(OpenClProbe.noDeviceReason(2).startsWith("2 OpenCL platforms were found but no device"));
    }

    @Test
    void probeIsCachedAndTheReportMatchesIt() {
        OpenClProbe.Probe p = OpenClProbe.probe();
        assertSame(p, OpenClProbe.probe(), "probed once per process");
        String report = OpenClProbe.report();
        if (p.available()) {
            assertFalse(p.devices().isEmpty());
            for (ClDevice d : p.devices()) {
                assertTrue(report.contains("device: " + d.name()), report);
                assertTrue(d.computeUnits() > 0 && d.globalMemBytes() > 0 && d.maxWorkGroupSize() > 0, d.toString());
            }
        } else {
            assertNotNull(p.unavailableReason());
            assertTrue(report.contains(p.unavailableReason()), report);
            OpenClBackend.Result r = OpenClBackend.create(true);
            assertFalse(r.available());
            assertEquals(p.unavailableReason(), r.reason(), "create() passes the probe's reason on");
        }
    }

    @Test
    void openClVersionParsing() {
        assertTrue(device("OpenCL 3.0 CUDA").supportsOpenCl12());
        assertTrue(device("OpenCL 1.2 pocl").supportsOpenCl12());
        assertTrue(device("OpenCL 2.1 AMD-APP").supportsOpenCl12());
        assertFalse(device("OpenCL 1.1 Mesa").supportsOpenCl12());
        assertFalse(device("unknown").supportsOpenCl12());
    }

    @Test
    void byteCountsForPeople() {
        assertEquals("512 bytes", ClDevice.bytes(512));
        assertEquals("48 KB", ClDevice.bytes(48 << 10));
        assertEquals("1.5 MB", ClDevice.bytes(3L << 19));
        assertEquals("80.0 GB", ClDevice.bytes(80L << 30));
    }

    private static ClDevice device(String version) {
        return new ClDevice(0, 0, "p", "d", "v", version, ClDevice.Type.GPU, 1, 1, 1, 1, 1, false);
    }
}
