package llmfs.tutor.check;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * How much of its time limit a check has used, as the check process sees it: the process's CPU time plus the
 * time the check's thread spent asleep or waiting — but not the time it was ready to run and waited for a core.
 *
 * <p>A wall-clock limit would punish a learner for a busy machine (a class server, a second build): code that
 * needs 0.5 s of CPU can take 5 s of wall time when it gets a tenth of a core. CPU time does not grow while the
 * process waits for a core, so an endless loop is still stopped after the same amount of work on a quiet or a
 * busy machine. Code that sleeps or waits uses no CPU; that time is charged too (sampled from the thread's
 * state), so a {@code Thread.sleep} that never ends is stopped just as quickly. A wall-clock backstop, much
 * longer, remains for anything else ({@link CheckRunner.Options#wallMs(long)}).
 *
 * <p>The process's CPU time covers every thread — the learner's own, the garbage collector, the JIT — so work
 * moved to another thread counts as well. Check processes run the compute layer on one thread, so the CPU time
 * of a check is about the wall time it takes on an idle core.
 */
final class CheckClock {
    private final LongSupplier wallNanos;
    private final LongSupplier cpuNanos;
    private final long wall0;
    private final long cpu0;
    private long lastSample;
    private long waited;

    /**
     * @param wallNanos a monotonic clock in nanoseconds
     * @param cpuNanos  the process's CPU time in nanoseconds, or a negative value where it cannot be read (then
     *                  wall time stands in for it, as a plain wall-clock limit)
     */
    CheckClock(LongSupplier wallNanos, LongSupplier cpuNanos) {
        this.wallNanos = wallNanos;
        this.cpuNanos = cpuNanos;
        this.wall0 = wallNanos.getAsLong();
        this.cpu0 = cpuNanos.getAsLong();
        this.lastSample = wall0;
    }

    /** A clock starting now, on this process's CPU time. */
    static CheckClock startNow() {
        return new CheckClock(System::nanoTime, CheckClock::processCpuNanos);
    }

    /** This process's CPU time (all threads) in nanoseconds, or -1 where the platform does not say. */
    static long processCpuNanos() {
        return CpuSource.read();
    }

    /**
     * Records what the check's thread is doing now: the time since the previous sample counts as waiting when it
     * is sleeping, waiting or blocked on a lock. Called every few milliseconds while the check runs.
     */
    void sample(Thread.State state) {
        long now = wallNanos.getAsLong();
        if (state == Thread.State.TIMED_WAITING || state == Thread.State.WAITING || state == Thread.State.BLOCKED) {
            waited += now - lastSample;
        }
        lastSample = now;
    }

    /** Wall time since the start. */
    long wallNanos() {
        return wallNanos.getAsLong() - wall0;
    }

    /** CPU time used since the start (wall time where CPU time cannot be read). */
    long cpuNanos() {
        if (cpu0 < 0) return wallNanos();
        long now = cpuNanos.getAsLong();
        return now < 0 ? wallNanos() : now - cpu0;
    }

    /** Time the check's thread spent sleeping, waiting or blocked, as sampled. */
    long waitedNanos() {
        return waited;
    }

    /** What counts against the check's time limit: CPU time plus waiting time (wall time without CPU time). */
    long usedNanos() {
        return cpuKnown() ? cpuNanos() + waited : wallNanos();
    }

    /** True when most of the used time was waiting rather than computing. */
    boolean mostlyWaiting() {
        return waited > cpuNanos();
    }

    /** False where the platform does not report CPU time, so the limit is on wall time. */
    boolean cpuKnown() {
        return cpu0 >= 0;
    }

    /**
     * The platform's process CPU time, looked up once. {@code com.sun.management} is in every JDK build the tutor
     * runs on; without it the limit falls back to wall time.
     */
    private static final class CpuSource {
        private static final java.lang.management.OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

        static long read() {
            if (OS instanceof com.sun.management.OperatingSystemMXBean os) return os.getProcessCpuTime();
            return -1;
        }
    }
}
