package llmfs.tutor.check;

import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Element-wise comparison of numeric arrays within a tolerance, as the checks use it.
 *
 * <p>An element passes when {@code |actual - expected| <= atol + rtol * |expected|}. NaN matches only NaN and an
 * infinity only the same infinity, so a NaN from the learner is always reported.
 *
 * <p>The {@code untouched} helpers recognise the placeholder results a template returns before the learner has
 * written anything (null, empty, or all zeros), so a check can say "not implemented yet" instead of listing
 * wrong numbers.
 */
public final class Compare {
    private Compare() {
    }

    /** Compares float arrays within {@code atol + rtol * |expected|}. */
    public static Comparison floats(float[] expected, float[] actual, double atol, double rtol) {
        int n = expected.length;
        if (actual == null) return new Comparison(false, Double.POSITIVE_INFINITY, 0, n, -1, null, null);
        int common = Math.min(n, actual.length);
        double max = 0;
        int firstBad = -1;
        for (int i = 0; i < common; i++) {
            double err = error(expected[i], actual[i]);
            if (err > max || Double.isNaN(err)) max = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
            if (firstBad < 0 && !close(expected[i], actual[i], atol, rtol)) firstBad = i;
        }
        return result(firstBad, common, n, actual.length, max,
                i -> formatPair(expected[i], actual[i])[0], i -> formatPair(expected[i], actual[i])[1]);
    }

    /** Compares double arrays within {@code atol + rtol * |expected|}. */
    public static Comparison doubles(double[] expected, double[] actual, double atol, double rtol) {
        int n = expected.length;
        if (actual == null) return new Comparison(false, Double.POSITIVE_INFINITY, 0, n, -1, null, null);
        int common = Math.min(n, actual.length);
        double max = 0;
        int firstBad = -1;
        for (int i = 0; i < common; i++) {
            double err = error(expected[i], actual[i]);
            if (err > max || Double.isNaN(err)) max = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
            if (firstBad < 0 && !close(expected[i], actual[i], atol, rtol)) firstBad = i;
        }
        return result(firstBad, common, n, actual.length, max,
                i -> formatPair(expected[i], actual[i])[0], i -> formatPair(expected[i], actual[i])[1]);
    }

    /** Compares int arrays exactly. */
    public static Comparison ints(int[] expected, int[] actual) {
        int n = expected.length;
        if (actual == null) return new Comparison(false, Double.POSITIVE_INFINITY, 0, n, -1, null, null);
        int common = Math.min(n, actual.length);
        double max = 0;
        int firstBad = -1;
        for (int i = 0; i < common; i++) {
            double err = Math.abs((double) expected[i] - actual[i]);
            max = Math.max(max, err);
            if (firstBad < 0 && expected[i] != actual[i]) firstBad = i;
        }
        return result(firstBad, common, n, actual.length, max,
                i -> String.valueOf(expected[i]), i -> String.valueOf(actual[i]));
    }

    /** True when {@code actual} is within {@code atol + rtol * |expected|} of {@code expected}. */
    public static boolean close(double expected, double actual, double atol, double rtol) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) return Double.isNaN(expected) && Double.isNaN(actual);
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) return expected == actual;
        return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
    }

    /** True for what a template typically returns before it is filled in: null, empty, or all zeros. */
    public static boolean untouched(float[] actual) {
        if (actual == null || actual.length == 0) return true;
        for (float v : actual) if (v != 0f) return false;
        return true;
    }

    /** True for null, empty, or all zeros. */
    public static boolean untouched(double[] actual) {
        if (actual == null || actual.length == 0) return true;
        for (double v : actual) if (v != 0d) return false;
        return true;
    }

    /** True for null, empty, or all zeros. */
    public static boolean untouched(int[] actual) {
        if (actual == null || actual.length == 0) return true;
        for (int v : actual) if (v != 0) return false;
        return true;
    }

    /**
     * Turns a flat row-major index into coordinates of {@code shape}: index 7 of shape [2, 4] is {@code "[1, 3]"}.
     * With no shape (or one that does not cover the index) the flat index is shown: {@code "[7]"}.
     */
    public static String index(int flat, int... shape) {
        long size = 1;
        for (int d : shape) size *= d;
        if (shape.length == 0 || flat < 0 || flat >= size) return "[" + flat + "]";
        int[] coords = new int[shape.length];
        int rest = flat;
        for (int d = shape.length - 1; d >= 0; d--) {
            coords[d] = rest % shape[d];
            rest /= shape[d];
        }
        StringBuilder sb = new StringBuilder("[");
        for (int d = 0; d < coords.length; d++) {
            if (d > 0) sb.append(", ");
            sb.append(coords[d]);
        }
        return sb.append(']').toString();
    }

    /**
     * A short display of an array: all values when there are at most {@code max}, otherwise the first
     * {@code max} and a count, e.g. {@code "[1.0000, 2.0000, … (10 values)]"}.
     */
    public static String preview(float[] a, int max) {
        if (a == null) return "null";
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(a.length, max); i++) {
            if (i > 0) sb.append(", ");
            sb.append(format(a[i]));
        }
        if (a.length > max) sb.append(", … (").append(a.length).append(" values)");
        return sb.append(']').toString();
    }

    /** Formats a number with 4 decimals, switching to scientific notation for very large or small values. */
    public static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return String.valueOf(v);
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) return String.format(Locale.ROOT, "%.4e", v);
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /**
     * Two numbers formatted with as many digits as it takes to see that they differ (at least the 4 of
     * {@link #format}, at most 17 significant digits): 0.30000001 and 0.3 are shown as {@code 0.30000001} and
     * {@code 0.30000000} rather than twice {@code 0.3000}.
     */
    public static String[] formatPair(double expected, double actual) {
        String a = format(expected), b = format(actual);
        if (!a.equals(b) || expected == actual || Double.isNaN(expected) || Double.isNaN(actual)) {
            return new String[]{a, b};
        }
        for (int digits = 5; digits <= 17; digits++) {
            String fa = precise(expected, digits), fb = precise(actual, digits);
            if (!fa.equals(fb)) return new String[]{fa, fb};
        }
        return new String[]{String.valueOf(expected), String.valueOf(actual)};
    }

    private static String precise(double v, int digits) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) return String.format(Locale.ROOT, "%." + digits + "e", v);
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static double error(double expected, double actual) {
        if (Double.isNaN(expected) && Double.isNaN(actual)) return 0;
        if (expected == actual) return 0; // same infinities
        return Math.abs(actual - expected); // NaN or infinity when one side is not finite
    }

    private static Comparison result(int firstBad, int common, int expectedLength, int actualLength, double max,
                                     IntFunction<String> expectedAt,
                                     IntFunction<String> actualAt) {
        if (firstBad < 0 && expectedLength == actualLength) {
            return new Comparison(true, max, -1, expectedLength, actualLength, null, null);
        }
        if (firstBad < 0) {
            return new Comparison(false, max, common, expectedLength, actualLength, null, null);
        }
        return new Comparison(false, max, firstBad, expectedLength, actualLength,
                expectedAt.apply(firstBad), actualAt.apply(firstBad));
    }
}
