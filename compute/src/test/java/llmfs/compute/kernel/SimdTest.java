package llmfs.compute.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimdTest {

    @Test
    void probeAgreesWithTheModuleLayer() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(module, Simd.available());
        assertFalse(Simd.describe().isBlank());
        if (Simd.available()) {
            assertTrue(Simd.floatLanes() >= 4 && Integer.bitCount(Simd.floatLanes()) == 1, "" + Simd.floatLanes());
            assertTrue(Simd.describe().contains(Simd.floatLanes() + " float lanes"), Simd.describe());
            assertEquals("simd", Simd.best().name());
        } else {
            assertEquals(0, Simd.floatLanes());
            assertEquals("blocked", Simd.best().name());
        }
    }

    @Test
    void fmaPeakReportsAPositiveRate() {
        assertFalse(FmaPeak.method().isBlank());
        double g = FmaPeak.gflops(1, 0.05);
        assertTrue(g > 0 && Double.isFinite(g), "gflops " + g);
    }

    /** A JVM started without the module must still load, describe why and multiply with the fallback. */
    @Test
    void worksInAJvmWithoutTheVectorModule() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = location(Simd.class) + File.pathSeparator + location(NoVectorProbe.class)
                + File.pathSeparator + location(llmfs.compute.Rng.class);
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", cp, NoVectorProbe.class.getName());
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertTrue(lines.contains("available=false"), out);
        assertTrue(lines.contains("lanes=0"), out);
        assertTrue(lines.contains("describe=Vector API unavailable: JVM started without --add-modules "
                + "jdk.incubator.vector"), out);
        assertTrue(lines.contains("best=blocked"), out);
        assertTrue(lines.contains("product=ok"), out);
        assertTrue(lines.contains("simdMatmul=refused"), out);
        assertTrue(lines.contains("matvec=scalar ok"), out);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("peak=scalar")), out);
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
