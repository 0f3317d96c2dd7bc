package llmfs.tutor.lab;

import com.google.gson.JsonObject;
import llmfs.compute.Rng;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.nn.CharMlp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeping, listing and restoring a lab's numbered runs, with real checkpoint files. */
class LabRunsTest {
    @TempDir
    Path ws;

    private Path save(long seed, int emb, long step, double val) throws Exception {
        Path ck = ws.resolve("checkpoints/names.safetensors");
        JsonObject info = new JsonObject();
        JsonObject cfg = new JsonObject();
        cfg.addProperty("block", 5);
        cfg.addProperty("embDim", emb);
        cfg.addProperty("hidden", 16);
        cfg.addProperty("seed", seed);
        info.add("config", cfg);
        info.addProperty("step", step);
        info.addProperty("totalSteps", step);
        info.addProperty("trainLoss", val - 0.5);
        info.addProperty("valLoss", val);
        Checkpoint.save(ck, new CharMlp(27, 5, emb, 16, new Rng(seed)), null, info);
        return ck;
    }

    @Test
    void keepsListsAndBringsBackRunsWithoutLosingAny() throws Exception {
        Path ck = save(1, 4, 100, 2.5);
        LabRuns runs = LabRuns.of(ck);
        assertTrue(runs.list().isEmpty());
        byte[] first = Files.readAllBytes(ck);

        LabRuns.Run one = runs.keep().orElseThrow();
        assertEquals(1, one.number());
        assertEquals(ws.resolve("checkpoints/runs/names-1.safetensors"), one.tensors());
        assertEquals(one, runs.keep().orElseThrow(), "the same model is kept once");

        save(2, 6, 200, 2.2); // a new run replaces the current model
        assertEquals(2, runs.keep().orElseThrow().number());
        save(3, 8, 300, 2.4);

        List<LabRuns.Run> list = runs.list();
        assertEquals(List.of(1, 2), list.stream().map(LabRuns.Run::number).toList());
        assertEquals("block 5 · emb 6 · hidden 16", list.get(1).sizes());
        assertEquals(200, list.get(1).step());
        assertEquals(2.2, list.get(1).valLoss().orElseThrow(), 1e-6);

        LabRuns.Run now = runs.use(1);
        assertArrayEquals(first, Files.readAllBytes(ck), "run 1's model is current again");
        assertEquals(100, now.step());
        assertEquals(List.of(1, 2, 3), runs.list().stream().map(LabRuns.Run::number).toList(),
                "the model that was current is kept as run 3");
        assertEquals("8", runs.run(3).orElseThrow().setting("embDim").orElseThrow());
        Checkpoint.load(ck); // still a valid checkpoint (tensor hash matches the sidecar)
        Checkpoint.load(runs.run(3).orElseThrow().tensors());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runs.use(9));
        assertEquals("there is no run 9; kept runs: 1, 2, 3", e.getMessage());
    }

    @Test
    void theBestValidationLossSurvivesAResume() throws Exception {
        Path ck = save(1, 4, 100, 2.5);
        LabRuns runs = LabRuns.of(ck);
        runs.recordBest(2.1, 60, null);
        LabRuns.Run before = runs.current().orElseThrow();
        assertEquals(2.1, before.bestValLoss().orElseThrow(), 1e-6);
        assertEquals(60, (long) before.bestValStep().orElseThrow());

        save(1, 4, 200, 2.6); // the resumed run saves over the sidecar...
        runs.recordBest(2.3, 180, before); // ...and its own best is worse than the earlier part's
        LabRuns.Run after = runs.current().orElseThrow();
        assertEquals(2.1, after.bestValLoss().orElseThrow(), 1e-6);
        assertEquals(60, (long) after.bestValStep().orElseThrow());
        runs.recordBest(1.9, 190, before);
        assertEquals(1.9, runs.current().orElseThrow().bestValLoss().orElseThrow(), 1e-6);
    }

    @Test
    void withoutASavedModelThereIsNothingToKeep() {
        LabRuns runs = LabRuns.of(ws.resolve("checkpoints/names.safetensors"));
        assertTrue(runs.keep().isEmpty());
        assertTrue(runs.current().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runs.use(1));
        assertTrue(e.getMessage().startsWith("there are no kept runs yet"), e.getMessage());
    }
}
