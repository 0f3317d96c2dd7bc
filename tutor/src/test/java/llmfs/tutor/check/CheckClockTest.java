package llmfs.tutor.check;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What counts against a check's time limit, on a hand-driven clock: CPU time and time spent waiting count, time
 * spent ready but without a core does not — and the time-out's headline says which limit fired.
 */
class CheckClockTest {
    private static final long MS = 1_000_000L;
    private final AtomicLong wall = new AtomicLong(5_000 * MS);
    private final AtomicLong cpu = new AtomicLong(700 * MS);

    /** Advances wall time by {@code wallMs} and CPU time by {@code cpuMs}, then samples the thread's state. */
    private void pass(CheckClock clock, long wallMs, long cpuMs, Thread.State state) {
        wall.addAndGet(wallMs * MS);
        cpu.addAndGet(cpuMs * MS);
        clock.sample(state);
    }

    @Test
    void anEndlessLoopOnAnIdleCoreUsesItsLimitInCpuTime() {
        CheckClock clock = new CheckClock(wall::get, cpu::get);
        for (int i = 0; i < 160; i++) pass(clock, 10, 10, Thread.State.RUNNABLE);
        assertEquals(1600 * MS, clock.usedNanos());
        assertFalse(clock.mostlyWaiting());
        assertEquals("used more than 1.5 s of CPU time — look for a loop whose condition never becomes false",
                TimeoutMessage.headline(1500, 60_000, clock));
    }

    @Test
    void timeWithoutACoreIsNotCharged() {
        // A busy machine: the code gets a tenth of a core for 10 s of wall time.
        CheckClock clock = new CheckClock(wall::get, cpu::get);
        for (int i = 0; i < 1000; i++) pass(clock, 10, 1, Thread.State.RUNNABLE);
        assertEquals(1000 * MS, clock.usedNanos());
        assertEquals(10_000 * MS, clock.wallNanos());
        assertTrue(clock.usedNanos() < 1500 * MS, "a 1.5 s limit has not been used up");
    }

    @Test
    void theWallClockBackstopSaysTheMachineWasBusy() {
        CheckClock clock = new CheckClock(wall::get, cpu::get);
        for (int i = 0; i < 600; i++) pass(clock, 100, 1, Thread.State.RUNNABLE);
        assertEquals("no answer within 60.0 s of wall time while the machine was busy (your code got 0.6 s of CPU"
                + " time) — check again when it is quieter", TimeoutMessage.headline(1500, 60_000, clock));
    }

    @Test
    void sleepingAndWaitingAreCharged() {
        CheckClock clock = new CheckClock(wall::get, cpu::get);
        pass(clock, 400, 0, Thread.State.TIMED_WAITING);
        pass(clock, 400, 0, Thread.State.WAITING);
        pass(clock, 400, 0, Thread.State.BLOCKED);
        pass(clock, 400, 100, Thread.State.RUNNABLE);
        assertEquals(1200 * MS, clock.waitedNanos());
        assertEquals(1300 * MS, clock.usedNanos());
        pass(clock, 400, 0, Thread.State.TIMED_WAITING);
        assertTrue(clock.mostlyWaiting());
        assertTrue(TimeoutMessage.headline(1500, 60_000, clock).startsWith("spent more than 1.5 s sleeping or waiting"));
    }

    @Test
    void withoutCpuTimeTheLimitIsOnWallTime() {
        CheckClock clock = new CheckClock(wall::get, () -> -1);
        pass(clock, 2000, 0, Thread.State.TIMED_WAITING);
        assertFalse(clock.cpuKnown());
        assertEquals(2000 * MS, clock.usedNanos(), "waiting is not counted twice");
        assertEquals("ran longer than 1.5 s — look for a loop whose condition never becomes false",
                TimeoutMessage.headline(1500, 60_000, clock));
    }

    @Test
    void thisProcessReportsItsCpuTimeAndItGrowsWithWork() {
        long before = CheckClock.processCpuNanos();
        assertTrue(before > 0, "the JDK reports process CPU time here");
        long x = 1;
        long giveUp = System.nanoTime() + 30_000_000_000L; // a safety net only: it grows within milliseconds
        while (CheckClock.processCpuNanos() <= before && System.nanoTime() < giveUp) {
            for (int i = 0; i < 1_000_000; i++) x = x * 31 + i;
        }
        assertTrue(CheckClock.processCpuNanos() > before, "CPU time did not grow while computing (" + x + ")");
    }
}
