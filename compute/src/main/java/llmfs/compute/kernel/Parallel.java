package llmfs.compute.kernel;

import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The project's parallel-for: a fixed pool of daemon worker threads that splits an index range into chunks.
 *
 * <p>The number of threads is the number of cores, unless the system property {@code llmfs.threads} or the
 * environment variable {@code TUTOR_THREADS} says otherwise (the property wins). The calling thread takes part
 * in the work, so the pool holds {@code threads() - 1} workers.
 *
 * <p>A call runs inline, on the calling thread, when the range gives only one chunk, when only one thread is
 * configured, or when the caller is already inside a {@code forRange} body (nested calls never wait on the pool,
 * so they cannot deadlock). The first exception thrown by a chunk is rethrown to the caller once every chunk
 * that had started has finished; chunks not yet started are skipped.
 */
public final class Parallel {

    /** The work for one chunk: the half-open index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /** Property and environment variable that override the thread count. */
    public static final String THREADS_PROPERTY = "llmfs.threads";
    public static final String THREADS_ENV = "TUTOR_THREADS";

    // More chunks than threads lets fast threads take over the work of slow ones; a few per thread is enough.
    private static final int CHUNKS_PER_THREAD = 4;
    private static final int MAX_THREADS = 1024;

    private static final int THREADS = configuredThreads();

    /** Top-level calls running now, from any thread. */
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    /** How long a caller spins for its chunks when other calls are in flight too. */
    private static final long SHARED_SPIN_NANOS = 20_000;

    // Depth of forRange bodies the current thread is running; workers start at 1 so nested calls run inline.
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Parallel() {
    }

    /** How many threads (the caller included) a parallel call uses. */
    public static int threads() {
        return THREADS;
    }

    /**
     * Runs {@code body} over {@code [0, n)} split into contiguous chunks of at least {@code grain} indices,
     * in parallel where worthwhile, and returns when all of them are done.
     *
     * @param n     the size of the range; 0 does nothing
     * @param grain the smallest chunk worth handing to another thread (at least 1)
     * @param body  the work; chunks run concurrently, so it must only write state owned by its range
     */
    public static void forRange(int n, int grain, RangeBody body) {
        Objects.requireNonNull(body, "body");
        if (n < 0) throw new IllegalArgumentException("forRange: n must be >= 0, got " + n);
        if (grain < 1) throw new IllegalArgumentException("forRange: grain must be >= 1, got " + grain);
        if (n == 0) return;
        long wanted = ((long) n + grain - 1) / grain;
        int chunks = (int) Math.min(wanted, (long) THREADS * CHUNKS_PER_THREAD);
        int[] depth = DEPTH.get();
        if (chunks <= 1 || THREADS == 1 || depth[0] > 0) {
            body.run(0, n);
            return;
        }
        Job job = new Job(body, n, chunks, Thread.currentThread());
        int callers = IN_FLIGHT.incrementAndGet();
        try {
            Pool.submit(job, Math.min(THREADS - 1, chunks - 1));
            depth[0]++;
            try {
                job.work();
            } finally {
                depth[0]--;
            }
            // Spin long only when this is the one call in flight: callers from several threads (sessions of a
            // class server training at once) would otherwise burn the cores their workers need.
            job.awaitDone(callers == 1 ? Pool.SPIN_NANOS : SHARED_SPIN_NANOS);
        } finally {
            IN_FLIGHT.decrementAndGet();
        }
        job.rethrow();
    }

    /**
     * Runs {@code action} with parallelism switched off for the calling thread: every {@code forRange} it
     * reaches runs inline. Used to measure or debug single-threaded behaviour without restarting the JVM.
     */
    public static void inline(Runnable action) {
        Objects.requireNonNull(action, "action");
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            action.run();
        } finally {
            depth[0]--;
        }
    }

    private static int configuredThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        String source = THREADS_PROPERTY;
        String value = System.getProperty(THREADS_PROPERTY);
        if (value == null || value.isBlank()) {
            source = THREADS_ENV;
            value = System.getenv(THREADS_ENV);
        }
        if (value == null || value.isBlank()) return Math.max(1, cores);
        try {
            int t = Integer.parseInt(value.trim());
            if (t >= 1 && t <= MAX_THREADS) return t;
        } catch (NumberFormatException ignored) {
            // fall through to the explanation below
        }
        throw new IllegalArgumentException(source + " must be a whole number of threads between 1 and "
                + MAX_THREADS + ", got '" + value + "'. Fix or unset it to use all " + cores + " cores.");
    }

    /** One forRange call: chunks are claimed with an atomic counter by the caller and any worker that helps. */
    private static final class Job {
        final RangeBody body;
        final int n;
        final int chunks;
        final Thread owner;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<Throwable> error = new AtomicReference<>();

        Job(RangeBody body, int n, int chunks, Thread owner) {
            this.body = body;
            this.n = n;
            this.chunks = chunks;
            this.owner = owner;
        }

        void work() {
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                if (error.get() == null) {
                    int from = (int) ((long) c * n / chunks);
                    int to = (int) ((long) (c + 1) * n / chunks);
                    try {
                        body.run(from, to);
                    } catch (Throwable t) {
                        error.compareAndSet(null, t);
                    }
                }
                if (done.incrementAndGet() == chunks && Thread.currentThread() != owner) {
                    LockSupport.unpark(owner);
                }
            }
        }

        void awaitDone(long spinNanos) {
            long spinUntil = System.nanoTime() + spinNanos;
            while (done.get() < chunks) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }

        void rethrow() {
            Throwable t = error.get();
            if (t == null) return;
            if (t instanceof RuntimeException) throw (RuntimeException) t;
            if (t instanceof Error) throw (Error) t;
            throw new RuntimeException(t);
        }
    }

    /** The worker threads, started on first parallel use. */
    private static final class Pool {
        private static final LinkedBlockingQueue<Job> QUEUE = new LinkedBlockingQueue<>();
        // Workers that go to sleep between calls are slow to wake (tens of microseconds, more on a virtual
        // machine), and a training step makes hundreds of calls with short serial gaps between them; so both the
        // idle workers and a caller waiting for its chunks spin for up to a millisecond before blocking. Measured
        // on the GPT step (2 cores): 20 µs spins 47-68 ms/step, 1 ms spins 43-57 ms in the same runs.
        static final long SPIN_NANOS = 1_000_000;

        static {
            for (int i = 1; i < THREADS; i++) {
                Thread t = new Thread(Pool::workLoop, "llmfs-worker-" + i);
                t.setDaemon(true);
                t.start();
            }
        }

        static void submit(Job job, int helpers) {
            for (int i = 0; i < helpers; i++) QUEUE.offer(job);
        }

        private static void workLoop() {
            DEPTH.get()[0] = 1;
            while (true) {
                Job job = QUEUE.poll();
                if (job == null) {
                    long spinUntil = System.nanoTime() + SPIN_NANOS;
                    while (job == null && System.nanoTime() < spinUntil) {
                        Thread.onSpinWait();
                        if (!QUEUE.isEmpty()) job = QUEUE.poll();
                    }
                    while (job == null) {
                        try {
                            job = QUEUE.take();
                        } catch (InterruptedException e) {
                            // Daemon workers live as long as the JVM; an interrupt is not a request to stop.
                        }
                    }
                }
                job.work();
            }
        }
    }
}
