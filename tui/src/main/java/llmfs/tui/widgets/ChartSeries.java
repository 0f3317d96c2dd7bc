package llmfs.tui.widgets;

import java.util.Arrays;

/**
 * One named curve of a {@link BrailleChart}, fed with (x, y) points over time, e.g. by a training thread.
 *
 * <h2>Downsampling</h2>
 * A chart a hundred cells wide cannot show a million points, so the series keeps at most {@code capacity}
 * buckets. Each bucket stands for {@code stride} consecutive points: its x is the last point's x and its y the
 * mean y. When the buckets are full, neighbouring pairs are merged and the stride doubles. Memory stays bounded,
 * {@link #add} is O(1) amortised (a merge costs O(capacity) and happens after ever longer runs of adds), and the
 * curve keeps its shape because every bucket covers the same number of points. The latest point is always drawn
 * exactly as added, so the right end of the curve and the legend agree.
 *
 * <h2>Threads</h2>
 * {@link #add} and the drawing snapshot take the series' monitor. A snapshot copies at most
 * {@code capacity + 1} points and drawing then works on the copy without the lock, so a training thread adding
 * points is held up for microseconds at most while the UI thread draws.
 *
 * <p>Points whose y is NaN or infinite (a diverging loss) are not drawn, but they do become the latest value,
 * so the legend shows {@code nan}.
 */
public final class ChartSeries {

    /** Default bucket count: several times the dot width of a full-screen chart. */
    public static final int DEFAULT_CAPACITY = 1024;

    private final String name;
    private final int capacity;
    private final double[] xs;
    private final double[] ys;
    private int stored;
    private long stride = 1;
    private double pendingSum;
    private long pendingCount;
    private double pendingX;
    private long count;
    private double latestX = Double.NaN;
    private double latestY = Double.NaN;
    private double latestFiniteX = Double.NaN;
    private double latestFiniteY = Double.NaN;

    /**
     * @param name the name shown in the legend
     */
    public ChartSeries(String name) {
        this(name, DEFAULT_CAPACITY);
    }

    /**
     * @param name     the name shown in the legend
     * @param capacity the most buckets kept; an even number, at least 4
     */
    public ChartSeries(String name, int capacity) {
        if (capacity < 4 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be an even number >= 4, got " + capacity);
        }
        this.name = name;
        this.capacity = capacity;
        this.xs = new double[capacity];
        this.ys = new double[capacity];
    }

    /** @return the name shown in the legend */
    public String name() {
        return name;
    }

    /**
     * Adds a point. Safe to call from any thread.
     *
     * @param x the x value, e.g. the training step
     * @param y the y value, e.g. the loss
     */
    public synchronized void add(double x, double y) {
        count++;
        latestX = x;
        latestY = y;
        if (!Double.isFinite(y) || !Double.isFinite(x)) {
            return;
        }
        latestFiniteX = x;
        latestFiniteY = y;
        pendingSum += y;
        pendingCount++;
        pendingX = x;
        if (pendingCount == stride) {
            if (stored == capacity) {
                halve();
                // The stride just doubled: the pending points are now only half a bucket.
                return;
            }
            xs[stored] = pendingX;
            ys[stored] = pendingSum / pendingCount;
            stored++;
            pendingSum = 0;
            pendingCount = 0;
        }
    }

    /** Removes every point. */
    public synchronized void clear() {
        stored = 0;
        stride = 1;
        pendingSum = 0;
        pendingCount = 0;
        count = 0;
        latestX = latestY = latestFiniteX = latestFiniteY = Double.NaN;
    }

    /** @return how many points were added (including non-finite ones) */
    public synchronized long count() {
        return count;
    }

    /** @return the y of the most recent point, or NaN if none */
    public synchronized double latestY() {
        return latestY;
    }

    /** @return the x of the most recent point, or NaN if none */
    public synchronized double latestX() {
        return latestX;
    }

    /**
     * A consistent copy of what to draw: the buckets followed by the latest finite point (which replaces the
     * last bucket when both have the same x).
     */
    synchronized Snapshot snapshot() {
        int n = stored;
        double[] sx = Arrays.copyOf(xs, n + 1);
        double[] sy = Arrays.copyOf(ys, n + 1);
        if (!Double.isNaN(latestFiniteX)) {
            if (n > 0 && sx[n - 1] == latestFiniteX) {
                sy[n - 1] = latestFiniteY;
            } else {
                sx[n] = latestFiniteX;
                sy[n] = latestFiniteY;
                n++;
            }
        }
        return new Snapshot(name, Arrays.copyOf(sx, n), Arrays.copyOf(sy, n), latestY);
    }

    /** Merges neighbouring buckets pairwise; both hold {@code stride} points, so the plain mean is exact. */
    private void halve() {
        int half = stored / 2;
        for (int i = 0; i < half; i++) {
            xs[i] = xs[2 * i + 1];
            ys[i] = (ys[2 * i] + ys[2 * i + 1]) / 2;
        }
        stored = half;
        stride *= 2;
    }

    /**
     * Points of a series at one moment.
     *
     * @param name    series name
     * @param xs      x of each point to draw, in order of addition
     * @param ys      y of each point to draw (all finite)
     * @param latestY the most recently added y, possibly NaN
     */
    record Snapshot(String name, double[] xs, double[] ys, double latestY) {
        int size() {
            return xs.length;
        }
    }
}
