package llmfs.compute.nn;

import llmfs.compute.Rng;
import llmfs.compute.Tape;
import llmfs.compute.Tensor;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.optim.AdamW;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Growing a GPT's vocabulary, the course's parameter count, and a shared weight counted, updated and saved once. */
class GptVocabAndSharingTest {
    @TempDir
    Path dir;

    @Test
    void courseShapeHasTheCoursesCount() {
        Gpt g = new Gpt(Gpt.Config.course(65), new Rng(1));
        assertEquals(610_241, g.parameterCount());
        assertEquals(610_241, Gpt.Config.course(65).parameterCount());
        assertEquals(593_536 + 257L * 97, Gpt.Config.course(97).parameterCount());
    }

    @Test
    void growingKeepsTheOldIdsLogitsAndEverythingElse() {
        Gpt small = new Gpt(new Gpt.Config(7, 8, 2, 1, 6, 0f), new Rng(2));
        Gpt big = small.withVocab(10, new Rng(3));
        assertEquals(10, big.cfg.vocab());
        int[] ids = {0, 3, 6, 2};
        try (var off = Tape.noGrad()) {
            float[] a = small.forward(ids, 1, 4).toArray(), b = big.forward(ids, 1, 4).toArray();
            for (int t = 0; t < 4; t++) {
                for (int v = 0; v < 7; v++) assertEquals(a[t * 7 + v], b[t * 10 + v], 1e-5f, "t " + t + " id " + v);
            }
        }
        assertArrayEquals(small.blocks.get(0).fc.weight.toArray(), big.blocks.get(0).fc.weight.toArray());
        assertThrows(IllegalArgumentException.class, () -> big.withVocab(9, new Rng(1)));
    }

    /** Two layers that share one weight tensor (as weight tying does). */
    static final class Tied extends Module {
        final Tensor w;

        Tied() {
            w = param("w", Tensor.of(new float[]{1f, 2f}, 2));
            Module other = new Module() {
                {
                    param("same", w);
                }
            };
            child("other", other);
        }
    }

    @Test
    void aSharedWeightIsCountedUpdatedAndSavedOnce() throws Exception {
        Tied m = new Tied();
        assertEquals(1, m.namedParameters().size());
        assertEquals(2, m.parameterCount());
        AdamW opt = new AdamW(m.parameters(), 0.1f, 0.9f, 0.999f, 1e-8f, 0f);
        m.w.mul(m.w).sum().backward(); // d/dw = 2w = {2, 4}
        opt.step();
        // One Adam step moves each value by lr·sign(g) = 0.1; a double update would move it by 0.2.
        assertArrayEquals(new float[]{0.9f, 1.9f}, m.w.toArray(), 1e-5f);
        Path f = dir.resolve("tied.safetensors");
        Checkpoint.save(f, m, opt, null);
        Checkpoint.Loaded c = Checkpoint.load(f);
        assertEquals(Map.of("w", 2), Map.of(c.params().keySet().iterator().next(), c.params().get("w").length));
        assertEquals(1, c.optimizer().m().size());
        Tied fresh = new Tied();
        fresh.load(c.params());
        assertArrayEquals(m.w.toArray(), fresh.w.toArray());
    }
}
