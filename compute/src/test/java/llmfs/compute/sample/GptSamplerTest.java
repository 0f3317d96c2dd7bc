package llmfs.compute.sample;

import llmfs.compute.Rng;
import llmfs.compute.Tape;
import llmfs.compute.Tensor;
import llmfs.compute.nn.Gpt;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cached generation path gives the logits a full forward pass over the same window gives. */
class GptSamplerTest {
    private static final Gpt.Config SHAPE = new Gpt.Config(13, 16, 2, 2, 8, 0.1f);

    private static Gpt model(long seed) {
        Gpt g = new Gpt(SHAPE, new Rng(seed));
        g.train(false);
        return g;
    }

    /** Logits of the last position of a full forward pass over {@code window}. */
    private static float[] recompute(Gpt g, int[] window) {
        try (var off = Tape.noGrad()) {
            Tensor logits = g.forward(window, 1, window.length);
            float[] all = logits.toArray();
            return Arrays.copyOfRange(all, all.length - SHAPE.vocab(), all.length);
        }
    }

    private static void assertClose(float[] want, float[] got, String where) {
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 2e-4f * Math.max(1, Math.abs(want[i])), where + " logit " + i);
        }
    }

    @Test
    void cachedLogitsEqualRecomputedOnesThroughSlides() {
        Gpt g = model(5);
        for (int keep : new int[]{SHAPE.context() - 1, 4, 1}) {
            GptSampler s = new GptSampler(g, keep);
            Rng rng = new Rng(keep);
            int[] prompt = {3, 1, 4};
            float[] logits = s.prefill(prompt);
            assertClose(recompute(g, prompt), logits, "prefill");
            for (int step = 0; step < 25; step++) {
                int next = rng.nextInt(SHAPE.vocab());
                logits = s.next(next);
                int[] window = s.window();
                assertTrue(window.length <= SHAPE.context());
                assertEquals(next, window[window.length - 1]);
                assertClose(recompute(g, window), logits, "keep " + keep + " step " + step);
            }
        }
    }

    @Test
    void batchedPrefillAndSlidesMatchToo() {
        // A prompt and slides of at least 8 tokens go through the backend's batched product instead of the loop.
        Gpt.Config shape = new Gpt.Config(13, 16, 2, 2, 20, 0.1f);
        Gpt g = new Gpt(shape, new Rng(21));
        g.train(false);
        GptSampler s = new GptSampler(g, 12);
        Rng rng = new Rng(8);
        int[] prompt = new int[15];
        for (int i = 0; i < prompt.length; i++) prompt[i] = rng.nextInt(13);
        float[] logits = s.prefill(prompt);
        for (int step = 0; step < 30; step++) {
            try (var off = Tape.noGrad()) {
                int[] w = s.window();
                float[] all = g.forward(w, 1, w.length).toArray();
                assertClose(Arrays.copyOfRange(all, all.length - 13, all.length), logits, "step " + step);
            }
            logits = s.next(rng.nextInt(13));
        }
    }

    @Test
    void keepingAllButOneIsExactlyCropping() {
        Gpt g = model(9);
        GptSampler s = new GptSampler(g, SHAPE.context() - 1);
        List<Integer> all = new ArrayList<>(List.of(2, 7));
        s.prefill(new int[]{2, 7});
        Rng rng = new Rng(3);
        for (int i = 0; i < 20; i++) {
            int t = rng.nextInt(SHAPE.vocab());
            all.add(t);
            s.next(t);
            int[] want = all.subList(Math.max(0, all.size() - SHAPE.context()), all.size()).stream()
                    .mapToInt(Integer::intValue).toArray();
            assertArrayEquals(want, s.window(), "after " + all.size() + " tokens");
        }
    }

    @Test
    void generationStreamsStopsAndRepeatsWithTheSeed() {
        Gpt g = model(11);
        GptSampler s = new GptSampler(g);
        List<Integer> a = new ArrayList<>(), b = new ArrayList<>();
        int n1 = s.generate(new int[]{1}, 40, Sampler.Settings.temperature(1f), new Rng(4), -1, a::add);
        int n2 = s.generate(new int[]{1}, 40, Sampler.Settings.temperature(1f), new Rng(4), -1, b::add);
        assertEquals(40, n1);
        assertEquals(40, n2);
        assertEquals(a, b);
        int stop = a.get(5);
        List<Integer> c = new ArrayList<>();
        int n3 = s.generate(new int[]{1}, 40, Sampler.Settings.temperature(1f), new Rng(4), stop, c::add);
        assertEquals(a.indexOf(stop), n3);
        assertEquals(a.subList(0, n3), c);
        List<Integer> d = new ArrayList<>();
        assertEquals(3, s.generate(new int[]{1}, 40, Sampler.Settings.temperature(1f), new Rng(4), -1,
                id -> d.add(id) && d.size() < 3));
        assertThrows(IllegalArgumentException.class, () -> s.prefill(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> s.prefill(new int[]{SHAPE.vocab()}));
    }

    /** The plain-Java kernels, and the Vector API ones where this JVM has them. */
    private static boolean[] kernels() {
        return llmfs.compute.kernel.Simd.available() ? new boolean[]{false, true} : new boolean[]{false};
    }

    /**
     * The array path's logits equal the tensor path's full forward pass over the same window within float rounding,
     * for prompts shorter than, as long as and longer than the context, through many slides. The shape has a
     * vocabulary and widths that leave ragged panels, a context that is not a whole number of vectors, and batches
     * that are not a whole number of row groups.
     */
    @Test
    void arrayPathEqualsTheFullForwardPassForEveryPromptLength() {
        Gpt.Config shape = new Gpt.Config(97, 48, 4, 2, 21, 0.1f);
        Gpt g = new Gpt(shape, new Rng(31));
        g.train(false);
        for (boolean vectorApi : kernels()) {
            for (int promptLength : new int[]{5, shape.context(), shape.context() + 9}) {
                GptSampler s = new GptSampler(g, 11, vectorApi);
                Rng rng = new Rng(promptLength);
                int[] prompt = new int[promptLength];
                for (int i = 0; i < promptLength; i++) prompt[i] = rng.nextInt(shape.vocab());
                float[] logits = s.prefill(prompt);
                int slides = 0;
                for (int step = 0; step < 60; step++) {
                    int[] w = s.window();
                    float[] want;
                    try (var off = Tape.noGrad()) {
                        float[] all = g.forward(w, 1, w.length).toArray();
                        want = Arrays.copyOfRange(all, all.length - shape.vocab(), all.length);
                    }
                    String where = (vectorApi ? "Vector API" : "plain Java") + " prompt " + promptLength + " step " + step;
                    for (int i = 0; i < want.length; i++) {
                        assertEquals(want[i], logits[i], 1e-5f * Math.max(1, Math.abs(want[i])), where + " logit " + i);
                    }
                    if (w.length == shape.context()) slides++;
                    logits = s.next(rng.nextInt(shape.vocab()));
                }
                assertTrue(slides >= 5, "the window slid only " + slides + " times");
            }
        }
    }

    /** Part 4's model itself (width 128, context 64: whole panels and whole vectors of positions). */
    @Test
    void courseModelMatchesTheFullForwardPass() {
        Gpt g = new Gpt(Gpt.Config.course(97), new Rng(3));
        g.train(false);
        for (boolean vectorApi : kernels()) {
            GptSampler s = new GptSampler(g, 32, vectorApi);
            Rng rng = new Rng(6);
            int[] prompt = new int[70];
            for (int i = 0; i < prompt.length; i++) prompt[i] = rng.nextInt(97);
            float[] logits = s.prefill(prompt);
            for (int step = 0; step < 40; step++) {
                int[] w = s.window();
                try (var off = Tape.noGrad()) {
                    float[] all = g.forward(w, 1, w.length).toArray();
                    assertClose(Arrays.copyOfRange(all, all.length - 97, all.length), logits, "step " + step);
                }
                logits = s.next(rng.nextInt(97));
            }
        }
    }
}
