package llmfs.tui.widgets;

import java.util.Locale;

/**
 * Short number formats for labels on narrow screens: about three significant digits, thousands as {@code k},
 * millions as {@code M}.
 */
public final class Compact {

    private static final String[] SUFFIXES = {"", "k", "M", "G", "T"};

    private Compact() {
    }

    /**
     * Formats a value for a legend or status line: integers below 10,000 in full ({@code 2000}), other values
     * with three significant digits ({@code 3.30}, {@code 0.0321}, {@code 123}), large ones with a suffix
     * ({@code 41k}, {@code 1.5M}), tiny ones in scientific form ({@code 1.2e-5}).
     *
     * @param value the value
     * @return its compact form; {@code nan}, {@code inf} or {@code -inf} for non-finite values
     */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(value);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e4) {
            return withSuffix(value);
        }
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        if (a < 1e-3) {
            return scientific(value);
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(a)));
        return fixed(value, decimals);
    }

    /**
     * Formats an axis tick whose neighbours are {@code step} apart, with just enough decimals to tell them
     * apart: ticks 0.5 apart read {@code 1.5, 2.0}; 0.002 apart read {@code 0.032, 0.034}; 20,000 apart read
     * {@code 20k, 40k}.
     *
     * @param value the tick value
     * @param step  the distance between neighbouring ticks (positive)
     * @return the label
     */
    public static String tick(double value, double step) {
        if (!Double.isFinite(value) || !(step > 0) || !Double.isFinite(step)) {
            return format(value);
        }
        double scale = 1;
        int suffix = 0;
        while (Math.max(Math.abs(value), step) / scale >= 1e4 && suffix < SUFFIXES.length - 1) {
            scale *= 1000;
            suffix++;
        }
        if (step / scale < 1e-4) {
            return format(value);
        }
        String number = fixed(value / scale, decimalsFor(step / scale));
        return number + SUFFIXES[suffix];
    }

    /** The number of decimals that shows a multiple of {@code step} exactly (for steps like 2.5e-3, 5e-2). */
    private static int decimalsFor(double step) {
        for (int d = 0; d < 10; d++) {
            double scaled = step * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                return d;
            }
        }
        return 10;
    }

    private static String withSuffix(double value) {
        int suffix = 0;
        double v = value;
        while (Math.abs(v) >= 1000 && suffix < SUFFIXES.length - 1) {
            v /= 1000;
            suffix++;
        }
        double a = Math.abs(v);
        int decimals = a >= 100 ? 0 : a >= 10 ? 1 : 2;
        return trimZeros(fixed(v, decimals)) + SUFFIXES[suffix];
    }

    private static String scientific(double value) {
        int exponent = (int) Math.floor(Math.log10(Math.abs(value)));
        double mantissa = value / Math.pow(10, exponent);
        String m = trimZeros(fixed(mantissa, 1));
        if (m.equals("10") || m.equals("-10")) {
            m = m.startsWith("-") ? "-1" : "1";
            exponent++;
        }
        return m + "e" + exponent;
    }

    private static String fixed(double value, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        // "-0.00" reads as a different number from "0.00" though it is the same.
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    private static String trimZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        String t = s.replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
