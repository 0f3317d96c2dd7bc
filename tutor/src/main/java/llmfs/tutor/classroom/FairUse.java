package llmfs.tutor.classroom;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Shares one machine fairly between the learners of a class: every check and every lab goes through here.
 *
 * <ul>
 *   <li>Checks: at most {@link Limits#checks()} run at once across the class (each is a compile plus a check
 *       process, so the bound is sized to the cores); the rest wait first come, first served. A learner has at most
 *       one check in flight, so one learner saving in a loop cannot push the others back, and the waiting line is
 *       never longer than the class.</li>
 *   <li>Labs: a training run keeps the cores busy for minutes, so at most {@link Limits#labs()} run at once; one
 *       that would not fit is refused at once with a message saying why, rather than queued for an unknown time.
 *       A learner runs at most one lab at a time.</li>
 * </ul>
 * Waiting is interruptible, and a check that waits longer than {@link Limits#maxWaitMs()} is refused with a
 * message, so nobody stares at "checking" forever.
 */
public final class FairUse {

    /**
     * @param checks    checks running at once across the class
     * @param labs      lab runs at once across the class
     * @param maxWaitMs the longest a check waits for its turn before it is refused
     */
    public record Limits(int checks, int labs, long maxWaitMs) {
        public Limits {
            if (checks < 1 || labs < 0 || maxWaitMs < 0) {
                throw new IllegalArgumentException("need checks >= 1, labs >= 0, maxWaitMs >= 0");
            }
        }

        /**
         * For a machine with {@code cores} cores: one check per core (a check is mostly one busy thread), one lab
         * per two cores (a lab's training uses several), and up to five minutes in line.
         */
        public static Limits forCores(int cores) {
            return new Limits(Math.max(1, cores), Math.max(1, cores / 2), 300_000);
        }
    }

    /** Why a check or lab was not admitted; the message is written for the learner. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** A lab's place; closing it (when the run ends) lets the next lab in. Closing twice is harmless. */
    public interface LabPass extends AutoCloseable {
        @Override
        void close();
    }

    private final Limits limits;
    private final Semaphore checkSlots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Map<String, Boolean> checking = new ConcurrentHashMap<>();
    private final Map<String, Boolean> labsByLearner = new ConcurrentHashMap<>();

    public FairUse(Limits limits) {
        this.limits = limits;
        this.checkSlots = new Semaphore(limits.checks(), true); // fair: first come, first served
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Runs {@code check} for {@code learner} once a slot is free and returns its result.
     *
     * @throws Refused when the learner already has a check in flight, or the wait exceeded the limit
     */
    public <T> T check(String learner, Supplier<T> check) {
        if (checking.putIfAbsent(learner, Boolean.TRUE) != null) {
            throw new Refused("Your previous check is still running; its verdict comes first.");
        }
        try {
            waiting.incrementAndGet();
            boolean admitted;
            try {
                admitted = checkSlots.tryAcquire(limits.maxWaitMs(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Refused("The check was cancelled while it waited for its turn.");
            } finally {
                waiting.decrementAndGet();
            }
            if (!admitted) {
                throw new Refused("The class server is very busy: no check slot came free in "
                        + limits.maxWaitMs() / 1000 + " s. Try again in a minute.");
            }
            try {
                return check.get();
            } finally {
                checkSlots.release();
            }
        } finally {
            checking.remove(learner);
        }
    }

    /**
     * Admits a lab run for {@code learner}, or refuses it at once.
     *
     * @throws Refused when the learner already runs a lab or every lab slot of the class is taken
     */
    public synchronized LabPass startLab(String learner) {
        if (labsByLearner.containsKey(learner)) {
            throw new Refused("You already have a lab training; stop it (s on its screen) or let it finish first.");
        }
        if (labsByLearner.size() >= limits.labs()) {
            throw new Refused(limits.labs() == 0
                    ? "Labs are switched off on this class server; your teacher can run them for the class."
                    : "The class server is already training " + plural(labsByLearner.size(), "lab")
                      + ", as many as it can run at once (it shares the machine with the whole class). "
                      + "Try again when one ends; exercises and checks still work meanwhile.");
        }
        labsByLearner.put(learner, Boolean.TRUE);
        boolean[] closed = {false};
        return () -> {
            synchronized (FairUse.this) {
                if (!closed[0]) {
                    closed[0] = true;
                    labsByLearner.remove(learner);
                }
            }
        };
    }

    /** {@code learner}'s place in the class: what one learner's session calls. */
    public Seat seat(String learner) {
        return new Seat(this, learner);
    }

    /** One learner's handle on the class's fair-use limits. */
    public record Seat(FairUse fairUse, String learner) {
        /** See {@link FairUse#check}. */
        public <T> T check(Supplier<T> check) {
            return fairUse.check(learner, check);
        }

        /** See {@link FairUse#startLab}. */
        public LabPass startLab() {
            return fairUse.startLab(learner);
        }
    }

    /** Checks waiting for a slot now. */
    public int waitingChecks() {
        return waiting.get();
    }

    /** Checks running now. */
    public int runningChecks() {
        return limits.checks() - checkSlots.availablePermits();
    }

    /** Labs training now. */
    public synchronized int runningLabs() {
        return labsByLearner.size();
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
