package llmfs.compute.io;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The safetensors format (readable by the Python {@code safetensors} package): an 8-byte little-endian header
 * length, a JSON header mapping each tensor name to {@code dtype}, {@code shape} and {@code data_offsets}, an optional
 * {@code __metadata__} map of strings, then the raw little-endian data. Only F32 tensors are used here.
 */
public final class Safetensors {
    private Safetensors() {}

    /** One named tensor: its shape and values. */
    public record Entry(int[] shape, float[] values) {}

    /** A loaded file: tensors in file order, plus the metadata strings. */
    public record Contents(Map<String, Entry> tensors, Map<String, String> metadata) {}

    public static byte[] encode(Map<String, Entry> tensors, Map<String, String> metadata) {
        JsonObject header = new JsonObject();
        if (metadata != null && !metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            header.add("__metadata__", meta);
        }
        long offset = 0;
        for (Map.Entry<String, Entry> e : tensors.entrySet()) {
            JsonObject t = new JsonObject();
            t.addProperty("dtype", "F32");
            com.google.gson.JsonArray shape = new com.google.gson.JsonArray();
            for (int d : e.getValue().shape()) shape.add(d);
            t.add("shape", shape);
            com.google.gson.JsonArray offs = new com.google.gson.JsonArray();
            long len = 4L * e.getValue().values().length;
            offs.add(offset);
            offs.add(offset + len);
            t.add("data_offsets", offs);
            header.add(e.getKey(), t);
            offset += len;
        }
        byte[] json = new Gson().toJson(header).getBytes(StandardCharsets.UTF_8);
        int pad = (8 - json.length % 8) % 8; // keep the data 8-byte aligned, as the reference writer does
        ByteBuffer buf = ByteBuffer.allocate((int) (8 + json.length + pad + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(json.length + pad);
        buf.put(json);
        for (int i = 0; i < pad; i++) buf.put((byte) ' ');
        for (Entry e : tensors.values()) for (float f : e.values()) buf.putFloat(f);
        return buf.array();
    }

    public static void write(Path path, Map<String, Entry> tensors, Map<String, String> metadata) throws IOException {
        AtomicFiles.write(path, encode(tensors, metadata));
    }

    public static Contents read(Path path) throws IOException {
        return decode(Files.readAllBytes(path), path.toString());
    }

    /** Parses safetensors bytes; every inconsistency is reported as a {@link CheckpointException} naming the file. */
    public static Contents decode(byte[] bytes, String what) {
        if (bytes.length < 8) throw corrupt(what, "it has only " + bytes.length + " bytes");
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen = buf.getLong();
        if (headerLen < 2 || headerLen > bytes.length - 8) {
            throw corrupt(what, "its header length " + headerLen + " does not fit in the file's " + bytes.length + " bytes");
        }
        JsonObject header;
        try {
            JsonElement el = JsonParser.parseString(new String(bytes, 8, (int) headerLen, StandardCharsets.UTF_8));
            header = el.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw corrupt(what, "its header is not valid JSON (" + e.getMessage() + ")");
        }
        int dataStart = 8 + (int) headerLen;
        long dataLen = bytes.length - dataStart;
        Map<String, Entry> tensors = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : header.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                e.getValue().getAsJsonObject().entrySet().forEach(m -> meta.put(m.getKey(), m.getValue().getAsString()));
                continue;
            }
            try {
                JsonObject t = e.getValue().getAsJsonObject();
                String dtype = t.get("dtype").getAsString();
                if (!dtype.equals("F32")) throw corrupt(what, "tensor '" + e.getKey() + "' has dtype " + dtype + "; only F32 is supported");
                var shapeArr = t.getAsJsonArray("shape");
                int[] shape = new int[shapeArr.size()];
                long n = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = shapeArr.get(i).getAsInt();
                    n *= shape[i];
                }
                var offs = t.getAsJsonArray("data_offsets");
                long begin = offs.get(0).getAsLong(), end = offs.get(1).getAsLong();
                if (begin < 0 || end > dataLen || end - begin != 4 * n) {
                    throw corrupt(what, "tensor '" + e.getKey() + "' claims bytes " + begin + ".." + end + " for shape "
                            + java.util.Arrays.toString(shape) + " but the data section has " + dataLen + " bytes"
                            + " (truncated file?)");
                }
                float[] v = new float[(int) n];
                ByteBuffer d = ByteBuffer.wrap(bytes, dataStart + (int) begin, (int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < v.length; i++) v[i] = d.getFloat();
                tensors.put(e.getKey(), new Entry(shape, v));
            } catch (CheckpointException ce) {
                throw ce;
            } catch (RuntimeException re) {
                throw corrupt(what, "the header entry for '" + e.getKey() + "' is malformed (" + re.getMessage() + ")");
            }
        }
        return new Contents(tensors, meta);
    }

    private static CheckpointException corrupt(String what, String why) {
        return new CheckpointException("checkpoint " + what + " is damaged: " + why
                + ". Delete it and train again (or restore a backup).");
    }
}
