package llmfs.tutor.check;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WrongVariantsTest {
    private final float[] input = {1, -2, 3};

    private float[] times(float k) {
        float[] out = new float[input.length];
        for (int i = 0; i < out.length; i++) out[i] = input[i] * k;
        return out;
    }

    @Test
    void namesTheFirstVariantThatMatchesWithinTolerance() {
        WrongVariants v = WrongVariants.catalogue()
                .add("times-three", () -> times(3))
                .add("times-four", () -> times(4))
                .add("also-times-four", () -> times(4));
        assertEquals(Optional.of("times-four"), v.match(new float[]{4.000001f, -8, 12}, 1e-4, 0));
        assertEquals(Optional.of("times-three"), v.match(times(3), 0, 0));
        assertEquals(Optional.empty(), v.match(times(5), 1e-4, 0));
        assertEquals(Optional.empty(), v.match(new float[]{4, -8}, 1e-4, 0)); // wrong length
        assertEquals(Optional.empty(), v.match(null, 1, 1));
    }

    @Test
    void comparesByType() {
        WrongVariants v = WrongVariants.catalogue()
                .add("ints", () -> new int[]{1, 2})
                .add("double", () -> 0.5)
                .add("text", () -> "abc")
                .add("nested", () -> new int[][]{{1}, {2}});
        assertEquals(Optional.of("ints"), v.match(new int[]{1, 2}, 0, 0));
        assertEquals(Optional.of("double"), v.match(0.5000001, 1e-3, 0));
        assertEquals(Optional.of("text"), v.match("abc", 0, 0));
        assertEquals(Optional.of("nested"), v.match(new int[][]{{1}, {2}}, 0, 0));
        assertEquals(Optional.empty(), v.match(new double[]{1, 2}, 0, 0)); // double[] is not int[]
    }

    @Test
    void variantsAreComputedLazilyAndFailuresSkipped() {
        AtomicInteger calls = new AtomicInteger();
        WrongVariants v = WrongVariants.catalogue()
                .add("broken", () -> { throw new ArithmeticException(); })
                .add("first", () -> { calls.incrementAndGet(); return 1; })
                .add("second", () -> { calls.incrementAndGet(); return 2; });
        assertEquals(Optional.of("first"), v.match(1, 0, 0));
        assertEquals(1, calls.get());
        assertThrows(IllegalArgumentException.class, () -> v.add("first", () -> 3));
    }
}
