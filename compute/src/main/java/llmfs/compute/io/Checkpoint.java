package llmfs.compute.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import llmfs.compute.Tensor;
import llmfs.compute.nn.Module;
import llmfs.compute.optim.AdamW;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved model: {@code NAME.safetensors} (parameters, and the optimiser's moments so training resumes exactly) plus
 * {@code NAME.json}, a readable sidecar with the model config, vocabulary, corpus hash, step and losses. Both files
 * are written atomically; the sidecar records the sha256 of the tensor file so a half-finished save is detected.
 */
public final class Checkpoint {
    private static final String FORMAT = "llmfs-checkpoint";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private Checkpoint() {}

    /** What {@link #load} returns; {@code optimizer} is null when the file holds no optimiser state. */
    public record Loaded(Map<String, float[]> params, AdamW.State optimizer, JsonObject sidecar) {}

    /** The sidecar path for a tensor file: {@code x.safetensors -> x.json}. */
    public static Path sidecarOf(Path tensors) {
        String n = tensors.getFileName().toString();
        String base = n.endsWith(".safetensors") ? n.substring(0, n.length() - ".safetensors".length()) : n;
        return tensors.resolveSibling(base + ".json");
    }

    /**
     * Saves {@code model}'s parameters, the optimiser state if given, and the sidecar fields in {@code info}
     * (config, vocabulary, step, losses — whatever the caller needs to rebuild the model).
     */
    public static void save(Path tensors, Module model, AdamW optimizer, JsonObject info) throws IOException {
        Map<String, Safetensors.Entry> entries = new LinkedHashMap<>();
        Map<String, Tensor> named = model.namedParameters();
        named.forEach((n, t) -> entries.put(n, new Safetensors.Entry(t.shape(), t.toArray())));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        if (optimizer != null) {
            AdamW.State s = optimizer.state();
            List<String> names = new ArrayList<>(named.keySet());
            for (int i = 0; i < names.size(); i++) {
                int[] shape = named.get(names.get(i)).shape();
                entries.put("optim.m." + names.get(i), new Safetensors.Entry(shape, s.m().get(i)));
                entries.put("optim.v." + names.get(i), new Safetensors.Entry(shape, s.v().get(i)));
            }
            meta.put("optim.step", Integer.toString(s.step()));
        }
        byte[] bytes = Safetensors.encode(entries, meta);
        AtomicFiles.write(tensors, bytes);
        JsonObject side = info == null ? new JsonObject() : info.deepCopy();
        side.addProperty("format", FORMAT);
        side.addProperty("version", 1);
        side.addProperty("tensors", tensors.getFileName().toString());
        side.addProperty("tensorsSha256", sha256(bytes));
        side.addProperty("parameters", model.parameterCount());
        AtomicFiles.writeString(sidecarOf(tensors), GSON.toJson(side) + "\n");
    }

    /** Loads a checkpoint written by {@link #save}; errors name the file and say what to do. */
    public static Loaded load(Path tensors) {
        byte[] bytes;
        JsonObject side;
        Path sc = sidecarOf(tensors);
        try {
            bytes = Files.readAllBytes(tensors);
        } catch (NoSuchFileException e) {
            throw new CheckpointException("no checkpoint at " + tensors + " — train the model first");
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint " + tensors + ": " + e.getMessage(), e);
        }
        try {
            side = JsonParser.parseString(Files.readString(sc, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw new CheckpointException("checkpoint " + tensors + " has no sidecar " + sc.getFileName()
                    + " (it holds the model settings); train again to recreate both files");
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException("checkpoint sidecar " + sc + " is damaged (" + e.getMessage()
                    + "); delete both files and train again", e);
        }
        if (side.has("tensorsSha256") && !side.get("tensorsSha256").getAsString().equals(sha256(bytes))) {
            throw new CheckpointException("checkpoint " + tensors + " does not match its sidecar " + sc.getFileName()
                    + " (a save was interrupted?); delete both files and train again");
        }
        Safetensors.Contents c = Safetensors.decode(bytes, tensors.toString());
        Map<String, float[]> params = new LinkedHashMap<>();
        List<float[]> ms = new ArrayList<>(), vs = new ArrayList<>();
        c.tensors().forEach((n, e) -> {
            if (!n.startsWith("optim.")) params.put(n, e.values());
        });
        AdamW.State opt = null;
        if (c.metadata().containsKey("optim.step")) {
            for (String n : params.keySet()) {
                Safetensors.Entry m = c.tensors().get("optim.m." + n), v = c.tensors().get("optim.v." + n);
                if (m == null || v == null) {
                    throw new CheckpointException("checkpoint " + tensors + " lacks optimiser state for '" + n + "'");
                }
                ms.add(m.values());
                vs.add(v.values());
            }
            opt = new AdamW.State(Integer.parseInt(c.metadata().get("optim.step")), ms, vs);
        }
        return new Loaded(params, opt, side);
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
