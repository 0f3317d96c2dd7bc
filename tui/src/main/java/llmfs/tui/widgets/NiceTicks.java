package llmfs.tui.widgets;

/**
 * Picks round axis tick values (multiples of 1, 2, 2.5 or 5 times a power of ten) inside a range.
 *
 * @param values the ticks, ascending
 * @param step   the distance between neighbouring ticks
 */
public record NiceTicks(double[] values, double step) {

    private static final double[] MULTIPLIERS = {1, 2, 2.5, 5};

    /**
     * The finest round step that yields at most {@code maxCount} ticks within [lo, hi].
     *
     * @param lo       lower end of the range
     * @param hi       upper end, greater than {@code lo}
     * @param maxCount the most ticks wanted, at least 2
     * @return the ticks; at least one when the range is finite
     */
    public static NiceTicks within(double lo, double hi, int maxCount) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("tick range must be finite with hi > lo, got " + lo + ".." + hi);
        }
        if (maxCount < 2) {
            throw new IllegalArgumentException("maxCount must be at least 2, got " + maxCount);
        }
        int exponent = (int) Math.floor(Math.log10(hi - lo)) - 2;
        for (int e = exponent; e <= exponent + 4; e++) {
            double power = Math.pow(10, e);
            for (double m : MULTIPLIERS) {
                double step = m * power;
                if (Math.max(Math.abs(lo), Math.abs(hi)) / step > 1e15) {
                    // Tick indices would not fit a long (a tiny range far from zero); try coarser steps.
                    continue;
                }
                long first = (long) Math.ceil(lo / step - 1e-9);
                long last = (long) Math.floor(hi / step + 1e-9);
                long count = last - first + 1;
                if (count <= maxCount) {
                    double[] values = new double[(int) Math.max(count, 0)];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = (first + i) * step;
                    }
                    return new NiceTicks(values, step);
                }
            }
        }
        return new NiceTicks(new double[] {lo, hi}, hi - lo);
    }
}
