package llmfs.compute.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void threadCountIsPositive() {
        assertTrue(Parallel.threads() >= 1);
    }

    @Test
    void everyIndexRunsExactlyOnce() {
        for (int n : new int[]{0, 1, 2, 3, 7, 64, 1000, 100_003}) {
            for (int grain : new int[]{1, 3, 64, 5000}) {
                AtomicIntegerArray seen = new AtomicIntegerArray(n);
                Parallel.forRange(n, grain, (from, to) -> {
                    assertTrue(0 <= from && from < to && to <= n, "bad chunk [" + from + ", " + to + ")");
                    for (int i = from; i < to; i++) seen.incrementAndGet(i);
                });
                for (int i = 0; i < n; i++) assertEquals(1, seen.get(i), "n=" + n + " grain=" + grain + " i=" + i);
            }
        }
    }

    @Test
    void resultsAreIdenticalToSerial() {
        int n = 50_000;
        float[] serial = new float[n];
        for (int i = 0; i < n; i++) serial[i] = (float) Math.sin(i * 0.001) * i;
        float[] parallel = new float[n];
        Parallel.forRange(n, 100, (from, to) -> {
            for (int i = from; i < to; i++) parallel[i] = (float) Math.sin(i * 0.001) * i;
        });
        assertArrayEquals(serial, parallel);
    }

    @Test
    void chunksRespectTheGrain() {
        List<int[]> chunks = new ArrayList<>();
        Parallel.forRange(1000, 300, (from, to) -> {
            synchronized (chunks) {
                chunks.add(new int[]{from, to});
            }
        });
        for (int[] c : chunks) {
            // Chunks are near-equal parts; none shorter than the grain unless the range itself is.
            assertTrue(c[1] - c[0] >= 250, "chunk [" + c[0] + ", " + c[1] + ") is too small");
        }
    }

    @Test
    void smallRangesRunOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        Thread[] ran = new Thread[1];
        Parallel.forRange(10, 10, (from, to) -> ran[0] = Thread.currentThread());
        assertSame(caller, ran[0]);
    }

    @Test
    void exceptionInAChunkReachesTheCaller() {
        IllegalStateException boom = new IllegalStateException("boom at 777");
        IllegalStateException got = assertThrows(IllegalStateException.class,
                () -> Parallel.forRange(10_000, 10, (from, to) -> {
                    if (from <= 777 && 777 < to) throw boom;
                }));
        assertSame(boom, got);
        // An Error is not wrapped either, and the pool keeps working afterwards.
        AssertionError err = new AssertionError("bad chunk");
        assertSame(err, assertThrows(AssertionError.class, () -> Parallel.forRange(100, 1, (from, to) -> {
            if (from == 0) throw err;
        })));
        AtomicInteger sum = new AtomicInteger();
        Parallel.forRange(100, 1, (from, to) -> sum.addAndGet(to - from));
        assertEquals(100, sum.get());
    }

    @Test
    void nestedCallsCompleteWithoutDeadlock() {
        int outer = 16, inner = 1000;
        AtomicIntegerArray seen = new AtomicIntegerArray(outer * inner);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                Parallel.forRange(outer, 1, (o0, o1) -> {
                    for (int o = o0; o < o1; o++) {
                        int base = o * inner;
                        Parallel.forRange(inner, 1, (i0, i1) -> {
                            for (int i = i0; i < i1; i++) seen.incrementAndGet(base + i);
                        });
                    }
                }));
        for (int i = 0; i < outer * inner; i++) assertEquals(1, seen.get(i));
    }

    @Test
    void concurrentCallersAllFinish() throws InterruptedException {
        int callers = 4, n = 20_000;
        long[] sums = new long[callers];
        Thread[] ts = new Thread[callers];
        for (int t = 0; t < callers; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                for (int rep = 0; rep < 50; rep++) {
                    AtomicInteger s = new AtomicInteger();
                    Parallel.forRange(n, 16, (from, to) -> s.addAndGet(to - from));
                    sums[id] += s.get();
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) t.join(30_000);
        for (int t = 0; t < callers; t++) assertEquals(50L * n, sums[t], "caller " + t);
    }

    @Test
    void inlineRunsEverythingOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        AtomicInteger elsewhere = new AtomicInteger();
        Parallel.inline(() -> Parallel.forRange(100_000, 1, (from, to) -> {
            if (Thread.currentThread() != caller) elsewhere.incrementAndGet();
        }));
        assertEquals(0, elsewhere.get());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Parallel.forRange(-1, 1, (f, t) -> { }));
        assertThrows(IllegalArgumentException.class, () -> Parallel.forRange(10, 0, (f, t) -> { }));
        assertThrows(NullPointerException.class, () -> Parallel.forRange(10, 1, null));
    }
}
