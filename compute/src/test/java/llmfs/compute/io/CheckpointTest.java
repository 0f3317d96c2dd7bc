package llmfs.compute.io;

import com.google.gson.JsonObject;
import llmfs.compute.Rng;
import llmfs.compute.nn.CharMlp;
import llmfs.compute.optim.AdamW;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointTest {
    @TempDir
    Path dir;

    private CharMlp trainedALittle(AdamW[] optOut) {
        CharMlp m = new CharMlp(6, 2, 3, 4, new Rng(5));
        AdamW opt = new AdamW(m.parameters(), 0.01f);
        for (int i = 0; i < 3; i++) {
            opt.zeroGrad();
            m.forward(new int[]{1, 2, 3, 4}, 2).crossEntropy(new int[]{5, 0}).backward();
            opt.step();
        }
        optOut[0] = opt;
        return m;
    }

    @Test
    void roundTripRestoresParametersOptimiserAndSidecar() throws Exception {
        AdamW[] opt = new AdamW[1];
        CharMlp m = trainedALittle(opt);
        JsonObject info = new JsonObject();
        info.addProperty("step", 3);
        Path p = dir.resolve("m.safetensors");
        Checkpoint.save(p, m, opt[0], info);
        assertTrue(Files.exists(dir.resolve("m.json")));

        Checkpoint.Loaded l = Checkpoint.load(p);
        assertEquals(3, l.sidecar().get("step").getAsInt());
        assertEquals(m.parameterCount(), l.sidecar().get("parameters").getAsLong());
        CharMlp fresh = new CharMlp(6, 2, 3, 4, new Rng(99));
        fresh.load(l.params());
        m.namedParameters().forEach((n, t) -> assertArrayEquals(t.toArray(), fresh.namedParameters().get(n).toArray(), n));
        assertNotNull(l.optimizer());
        assertEquals(3, l.optimizer().step());
        assertArrayEquals(opt[0].state().m().get(1), l.optimizer().m().get(1));
    }

    @Test
    void fileFollowsTheSafetensorsLayout() throws Exception {
        Path p = dir.resolve("x.safetensors");
        Safetensors.write(p, Map.of("w", new Safetensors.Entry(new int[]{2}, new float[]{1.5f, -2f})), Map.of("k", "v"));
        byte[] b = Files.readAllBytes(p);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong();
        String header = new String(b, 8, (int) n, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(header.contains("\"dtype\":\"F32\""), header);
        assertTrue(header.contains("\"data_offsets\":[0,8]"), header);
        assertEquals(8 + n + 8, b.length);
        assertEquals(1.5f, ByteBuffer.wrap(b, 8 + (int) n, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat());
    }

    @Test
    void truncatedFileGivesAClearMessage() throws Exception {
        AdamW[] opt = new AdamW[1];
        Path p = dir.resolve("m.safetensors");
        Checkpoint.save(p, trainedALittle(opt), null, new JsonObject());
        byte[] b = Files.readAllBytes(p);
        Files.write(p, java.util.Arrays.copyOf(b, b.length - 10));
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.load(p));
        assertTrue(e.getMessage().contains("m.safetensors"), e.getMessage());
        // Truncating breaks the sidecar's hash first, which is the clearer diagnosis.
        assertTrue(e.getMessage().contains("does not match its sidecar"), e.getMessage());
        CheckpointException e2 = assertThrows(CheckpointException.class,
                () -> Safetensors.decode(java.util.Arrays.copyOf(b, b.length - 10), "m"));
        assertTrue(e2.getMessage().contains("truncated"), e2.getMessage());
        assertThrows(CheckpointException.class, () -> Safetensors.decode(new byte[]{1, 2, 3}, "tiny"));
    }

    @Test
    void missingCheckpointSaysToTrainFirst() {
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.load(dir.resolve("none.safetensors")));
        assertTrue(e.getMessage().contains("train the model first"), e.getMessage());
    }

    @Test
    void atomicWriteLeavesNoTemporaryFiles() throws Exception {
        Path p = dir.resolve("a.txt");
        AtomicFiles.writeString(p, "one");
        AtomicFiles.writeString(p, "two");
        assertEquals("two", Files.readString(p));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }
}
