package llmfs.compute.nn;

import llmfs.compute.Rng;
import llmfs.compute.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CharMlpTest {

    @Test
    void courseModelHasTheCourseParameterCount() {
        CharMlp m = new CharMlp(27, 5, 8, 256, new Rng(42));
        // emb 27·8 + hidden 40·256 + 256 + output 256·27 + 27
        assertEquals(27 * 8 + 40 * 256 + 256 + 256 * 27 + 27, m.parameterCount());
        assertEquals(17_651, m.parameterCount());
        assertEquals(java.util.List.of("emb.weight", "hidden.weight", "hidden.bias", "output.weight", "output.bias"),
                new java.util.ArrayList<>(m.namedParameters().keySet()));
        // Part 2's model: vocab 65, block 32, emb 32, hidden 512.
        assertEquals(560_225, new CharMlp(65, 32, 32, 512, new Rng(1)).parameterCount());
    }

    @Test
    void forwardComputesEmbedFlattenTanhLinear() {
        CharMlp m = new CharMlp(5, 2, 3, 4, new Rng(3));
        int[] x = {1, 4, 0, 2};
        float[] got = m.forward(x, 2).toArray();
        float[] e = m.emb.weight.toArray(), w1 = m.hidden.weight.toArray(), b1 = m.hidden.bias.toArray();
        float[] w2 = m.output.weight.toArray(), b2 = m.output.bias.toArray();
        for (int r = 0; r < 2; r++) {
            double[] in = new double[6];
            for (int j = 0; j < 2; j++) for (int c = 0; c < 3; c++) in[j * 3 + c] = e[x[r * 2 + j] * 3 + c];
            double[] h = new double[4];
            for (int o = 0; o < 4; o++) {
                double s = b1[o];
                for (int i = 0; i < 6; i++) s += in[i] * w1[i * 4 + o];
                h[o] = Math.tanh(s);
            }
            for (int o = 0; o < 5; o++) {
                double s = b2[o];
                for (int i = 0; i < 4; i++) s += h[i] * w2[i * 5 + o];
                assertEquals(s, got[r * 5 + o], 1e-5);
            }
        }
    }

    @Test
    void defaultInitFollowsPytorchBounds() {
        Linear l = new Linear(40, 256, new Rng(1));
        float bound = (float) (1 / Math.sqrt(40));
        for (float v : l.weight.toArray()) assertEquals(0, v, bound);
        Embedding e = new Embedding(1000, 8, new Rng(2));
        double s = 0, s2 = 0;
        for (float v : e.weight.toArray()) {
            s += v;
            s2 += v * v;
        }
        assertEquals(0, s / 8000, 0.05);
        assertEquals(1, s2 / 8000, 0.08); // N(0, 1)
    }

    @Test
    void loadRejectsMismatchedShapes() {
        CharMlp m = new CharMlp(5, 2, 3, 4, new Rng(3));
        Map<String, float[]> vals = new java.util.LinkedHashMap<>();
        m.namedParameters().forEach((n, t) -> vals.put(n, t.toArray()));
        vals.put("hidden.bias", new float[7]);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> m.load(vals));
        assertEquals(true, ex.getMessage().contains("hidden.bias"));
        vals.put("hidden.bias", new float[]{1, 2, 3, 4});
        m.load(vals);
        assertArrayEquals(new float[]{1, 2, 3, 4}, m.hidden.bias.toArray());
    }

    @Test
    void forwardRejectsWrongContextLength() {
        CharMlp m = new CharMlp(5, 2, 3, 4, new Rng(3));
        assertThrows(IllegalArgumentException.class, () -> m.forward(new int[3], 2));
        Tensor.zeros(1); // backend still usable afterwards
    }
}
