package llmfs.tutor.check;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A catalogue of known mistakes for one exercise, each given as the (wrong) output it would produce on the
 * check's inputs. When the learner's answer is wrong, {@link #match} names the first mistake whose output it
 * equals, so the verdict can say "this looks like <i>forgot-the-bias</i>" instead of only "wrong numbers".
 *
 * <pre>{@code
 * Optional<String> bug = WrongVariants.catalogue()
 *         .add("times-three", () -> times(input, 3))
 *         .add("forgot-last", () -> Arrays.copyOf(expected, expected.length - 1))
 *         .match(actual, 1e-5, 1e-5);
 * }</pre>
 *
 * <p>Outputs are compared by type: float[], double[] (within tolerance), int[] and long[] exactly, other arrays
 * deeply, anything else with {@code equals}. A variant whose computation throws is skipped.
 */
public final class WrongVariants {
    private final Map<String, Supplier<?>> variants = new LinkedHashMap<>();

    private WrongVariants() {
    }

    /** An empty catalogue. */
    public static WrongVariants catalogue() {
        return new WrongVariants();
    }

    /**
     * Adds a named mistake; {@code wrongOutput} computes what that mistake would return. It is only called when
     * {@link #match} needs it.
     */
    public WrongVariants add(String name, Supplier<?> wrongOutput) {
        if (variants.putIfAbsent(name, wrongOutput) != null) {
            throw new IllegalArgumentException("variant " + name + " is already in the catalogue");
        }
        return this;
    }

    /** The first variant, in the order added, whose output equals {@code actual} within tolerance. */
    public Optional<String> match(Object actual, double atol, double rtol) {
        if (actual == null) return Optional.empty();
        for (Map.Entry<String, Supplier<?>> v : variants.entrySet()) {
            Object wrong;
            try {
                wrong = v.getValue().get();
            } catch (RuntimeException e) {
                continue;
            }
            if (same(wrong, actual, atol, rtol)) return Optional.of(v.getKey());
        }
        return Optional.empty();
    }

    /**
     * True when two outputs are equal by the rules of {@link #match}: float and double arrays and boxed numbers
     * within tolerance, int and long arrays exactly, other arrays deeply, anything else with {@code equals}.
     */
    public static boolean same(Object wrong, Object actual, double atol, double rtol) {
        if (wrong instanceof float[] w && actual instanceof float[] a) {
            return Compare.floats(w, a, atol, rtol).matches();
        }
        if (wrong instanceof double[] w && actual instanceof double[] a) {
            return Compare.doubles(w, a, atol, rtol).matches();
        }
        if (wrong instanceof Float w && actual instanceof Float a) {
            return Compare.close(w, a, atol, rtol);
        }
        if (wrong instanceof Double w && actual instanceof Double a) {
            return Compare.close(w, a, atol, rtol);
        }
        if (wrong instanceof Object[] w && actual instanceof Object[] a) {
            return Arrays.deepEquals(w, a);
        }
        return Objects.deepEquals(wrong, actual);
    }
}
