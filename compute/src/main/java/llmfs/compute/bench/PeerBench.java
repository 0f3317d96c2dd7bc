package llmfs.compute.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import llmfs.compute.io.Safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same training steps in PyTorch (Debian's python3-torch on the CPU) and in this project, back to back:
 * both start from the same initial weights and see the same batches, so their loss curves should agree step by
 * step; the ratio of their speeds is then a like-for-like comparison.
 */
public final class PeerBench {
    private PeerBench() {}

    /** The peer's result: ms/step median, tokens/s, per-step losses, and what it printed about itself. */
    public record PeerResult(double msPerStep, double tokensPerSecond, float[] losses, String torch, int threads,
                             String env, String blas) {
        /**
         * True when PyTorch runs on Debian's unoptimised reference BLAS (libblas3): ten times slower than
         * OpenBLAS, which would make any ratio against it meaningless.
         */
        public boolean referenceBlas() {
            return blas.contains("/blas/libblas") && !blas.toLowerCase(java.util.Locale.ROOT).contains("openblas");
        }
    }

    /** Writes the initial weights and batches of {@code w} for the peer, under {@code key} in the manifest. */
    public static void export(BenchModels.Workload w, String key, JsonObject config, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Safetensors.Entry> init = new LinkedHashMap<>();
        w.model.namedParameters().forEach((n, t) -> init.put(n, new Safetensors.Entry(t.shape(), t.toArray())));
        Safetensors.write(dir.resolve(key + "-init.safetensors"), init, Map.of());
        writeInts(dir.resolve(key + "-x.i32"), w.xs);
        writeInts(dir.resolve(key + "-y.i32"), w.ys);
        Path manifest = dir.resolve("manifest.json");
        JsonObject m = Files.exists(manifest) ? JsonParser.parseString(Files.readString(manifest)).getAsJsonObject()
                : new JsonObject();
        config.addProperty("steps", w.xs.length);
        config.addProperty("batch", w.batch);
        m.add(key, config);
        Gson gson = new GsonBuilder().setPrettyPrinting().create();
        Files.writeString(manifest, gson.toJson(m));
    }

    private static void writeInts(Path p, int[][] rows) throws IOException {
        int n = 0;
        for (int[] r : rows) n += r.length;
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] r : rows) for (int v : r) b.putInt(v);
        Files.write(p, b.array());
    }

    /**
     * The OpenBLAS core type that matches this CPU's widest vectors (OpenBLAS otherwise honours a capped
     * {@code OPENBLAS_CORETYPE} from the environment), or null to leave OpenBLAS to detect it.
     */
    public static String bestCoreType() {
        try {
            String info = Files.readString(Path.of("/proc/cpuinfo"));
            if (info.contains(" avx512f")) return "SkylakeX";
            if (info.contains(" avx2")) return "Haswell";
        } catch (IOException ignored) {
            // not Linux: let OpenBLAS decide
        }
        return null;
    }

    /** Runs the peer script on {@code key} and parses its JSON line. */
    public static PeerResult run(Path python, Path script, String key, Path dir, int threads, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(python.toString(), script.toString(), key, dir.toString());
        Map<String, String> env = pb.environment();
        env.put("PEER_THREADS", String.valueOf(threads));
        env.put("OMP_NUM_THREADS", String.valueOf(threads));
        env.put("OPENBLAS_NUM_THREADS", String.valueOf(threads));
        env.put("MKL_NUM_THREADS", String.valueOf(threads));
        String core = bestCoreType();
        if (core != null) env.put("OPENBLAS_CORETYPE", core); // lift the machine's cap, for this command only
        pb.redirectErrorStream(false);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("the PyTorch peer did not finish within " + timeoutSeconds + " s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("the PyTorch peer failed (exit " + p.exitValue() + "): " + err.strip());
        }
        String text = new String(out, StandardCharsets.UTF_8).strip();
        JsonObject o = JsonParser.parseString(text.substring(text.lastIndexOf('\n') + 1)).getAsJsonObject();
        JsonArray l = o.getAsJsonArray("losses");
        float[] losses = new float[l.size()];
        for (int i = 0; i < losses.length; i++) losses[i] = l.get(i).getAsFloat();
        return new PeerResult(o.get("ms_per_step").getAsDouble(), o.get("tokens_per_s").getAsDouble(), losses,
                o.get("torch").getAsString(), o.get("threads").getAsInt(), o.get("env").toString(),
                o.has("blas") ? o.get("blas").getAsString() : "unknown");
    }

    /** Largest absolute difference between two loss curves over their common length. */
    public static double maxDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
