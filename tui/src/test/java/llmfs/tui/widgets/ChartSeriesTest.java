package llmfs.tui.widgets;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartSeriesTest {

    @Test
    void fewPointsAreKeptExactly() {
        ChartSeries s = new ChartSeries("loss", 8);
        s.add(0, 3.0);
        s.add(1, 2.5);
        s.add(2, 2.25);
        ChartSeries.Snapshot snap = s.snapshot();
        assertEquals(3, snap.size());
        assertEquals(2.5, snap.ys()[1]);
        assertEquals(2.25, snap.latestY());
    }

    @Test
    void longSeriesIsBoundedAndKeepsTheLatestPoint() {
        ChartSeries s = new ChartSeries("loss", 64);
        for (int i = 0; i < 100_000; i++) {
            s.add(i, Math.sin(i * 0.001));
        }
        s.add(100_000, 42.0);
        ChartSeries.Snapshot snap = s.snapshot();
        assertTrue(snap.size() <= 65, "at most capacity buckets plus the latest point, got " + snap.size());
        assertEquals(100_000, snap.xs()[snap.size() - 1]);
        assertEquals(42.0, snap.ys()[snap.size() - 1]);
        assertEquals(100_001, s.count());
    }

    @Test
    void bucketsAverageEqualRunsOfPoints() {
        // With capacity 4, after 8 points of y = x the buckets hold pairs (0,1),(2,3),(4,5),(6,7):
        // x is the pair's last x, y the pair's mean.
        ChartSeries s = new ChartSeries("y=x", 4);
        for (int i = 0; i < 8; i++) {
            s.add(i, i);
        }
        ChartSeries.Snapshot snap = s.snapshot();
        assertEquals(4, snap.size());
        assertEquals(1, snap.xs()[0]);
        assertEquals(0.5, snap.ys()[0]);
        assertEquals(5, snap.xs()[2]);
        assertEquals(4.5, snap.ys()[2]);
        // The last bucket ends at the latest point, which is shown exactly.
        assertEquals(7, snap.xs()[3]);
        assertEquals(7, snap.ys()[3]);
    }

    @Test
    void monotoneDataStaysMonotoneAfterDownsampling() {
        ChartSeries s = new ChartSeries("rising", 16);
        for (int i = 0; i < 5000; i++) {
            s.add(i, i * 0.5);
        }
        ChartSeries.Snapshot snap = s.snapshot();
        for (int i = 1; i < snap.size(); i++) {
            assertTrue(snap.xs()[i] > snap.xs()[i - 1]);
            assertTrue(snap.ys()[i] > snap.ys()[i - 1]);
        }
    }

    @Test
    void nonFiniteValuesAreNotDrawnButBecomeTheLatest() {
        ChartSeries s = new ChartSeries("loss");
        s.add(0, 1.0);
        s.add(1, Double.NaN);
        ChartSeries.Snapshot snap = s.snapshot();
        assertEquals(1, snap.size());
        assertTrue(Double.isNaN(s.latestY()));
        assertTrue(Double.isNaN(snap.latestY()));
    }

    @Test
    void aWriterThreadAndAReaderThreadCanRunTogether() throws InterruptedException {
        ChartSeries s = new ChartSeries("loss", 32);
        int n = 200_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                s.add(i, 1.0 / (1 + i));
            }
        });
        writer.start();
        while (writer.isAlive()) {
            ChartSeries.Snapshot snap = s.snapshot();
            try {
                assertTrue(snap.size() <= 33);
                for (int i = 1; i < snap.size(); i++) {
                    assertTrue(snap.xs()[i] > snap.xs()[i - 1], "x ascending in every snapshot");
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }
        writer.join();
        assertNull(failure.get());
        assertEquals(n, s.count());
        assertEquals(n - 1, s.snapshot().xs()[s.snapshot().size() - 1]);
    }
}
