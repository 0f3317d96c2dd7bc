package llmfs.tutor.check;

import java.util.Locale;

/**
 * The headline of a time-out, saying which limit fired: the CPU time the learner's code used, the time it spent
 * sleeping or waiting, or — only as a backstop — the wall-clock time, which on a busy machine says little about
 * the code. The learner must be able to tell "my loop never ends" from "the machine is busy".
 */
final class TimeoutMessage {
    private TimeoutMessage() {
    }

    /** The headline for a check stopped in the check process, from what its clock measured. */
    static String headline(long limitMs, long wallMs, CheckClock clock) {
        if (clock.usedNanos() < limitMs * 1_000_000L) return busy(wallMs, clock.cpuNanos());
        if (!clock.cpuKnown()) return wallLimit(limitMs);
        return clock.mostlyWaiting() ? waiting(limitMs) : cpu(limitMs);
    }

    /** The code computed for longer than its limit. */
    static String cpu(long limitMs) {
        return "used more than " + seconds(limitMs) + " of CPU time — look for a loop whose condition never "
                + "becomes false";
    }

    /** The code slept or waited for longer than its limit. */
    static String waiting(long limitMs) {
        return "spent more than " + seconds(limitMs) + " sleeping or waiting — an exercise must compute its result "
                + "without waiting for anything (look for Thread.sleep or wait)";
    }

    /** Where CPU time cannot be measured, the limit is on wall time. */
    static String wallLimit(long limitMs) {
        return "ran longer than " + seconds(limitMs) + " — look for a loop whose condition never becomes false";
    }

    /** The wall-clock backstop fired before the code used up its limit: the machine is too busy to tell. */
    static String busy(long wallMs, long cpuNanos) {
        return "no answer within " + seconds(wallMs) + " of wall time while the machine was busy (your code got "
                + seconds(cpuNanos / 1_000_000) + " of CPU time) — check again when it is quieter";
    }

    /**
     * The check process itself did not answer within the backstop (the tutor's view: it cannot tell what the code
     * inside was doing, only how much CPU the process used).
     */
    static String silent(long wallMs, long cpuNanos) {
        return "the check process gave no answer within " + seconds(wallMs) + " of wall time"
                + (cpuNanos < 0 ? "" : " (it used " + seconds(cpuNanos / 1_000_000) + " of CPU time)")
                + " — if the machine is busy, check again when it is quieter";
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
