package llmfs.tutor.classroom;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FairUseTest {

    @Test
    void neverRunsMoreChecksAtOnceThanTheLimitAndEveryoneGetsAResult() throws Exception {
        FairUse fair = new FairUse(new FairUse.Limits(2, 1, 60_000));
        AtomicInteger running = new AtomicInteger(), peak = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String learner = "l" + i;
            results.add(pool.submit(() -> fair.check(learner, () -> {
                int now = running.incrementAndGet();
                peak.accumulateAndGet(now, Math::max);
                try {
                    Thread.sleep(20); // hold the slot so that others overlap with it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return "verdict for " + learner;
            })));
        }
        for (int i = 0; i < 12; i++) assertEquals("verdict for l" + i, results.get(i).get(60, TimeUnit.SECONDS));
        pool.shutdown();
        assertTrue(peak.get() <= 2, "at most 2 checks at once, saw " + peak.get());
        assertEquals(0, fair.runningChecks());
        assertEquals(0, fair.waitingChecks());
    }

    @Test
    void aLearnerHasOneCheckInFlight() throws Exception {
        FairUse fair = new FairUse(new FairUse.Limits(4, 1, 60_000));
        CountDownLatch inside = new CountDownLatch(1), release = new CountDownLatch(1);
        Thread first = new Thread(() -> fair.check("ada", () -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1;
        }));
        first.start();
        assertTrue(inside.await(30, TimeUnit.SECONDS));
        FairUse.Refused r = assertThrows(FairUse.Refused.class, () -> fair.check("ada", () -> 2));
        assertTrue(r.getMessage().contains("previous check"), r.getMessage());
        assertEquals(3, fair.check("bob", () -> 3), "another learner is not held back");
        release.countDown();
        first.join(30_000);
        assertEquals(4, fair.check("ada", () -> 4), "once the first is done, ada checks again");
    }

    @Test
    void aCheckThatWaitsTooLongIsRefusedWithAMessage() throws Exception {
        FairUse fair = new FairUse(new FairUse.Limits(1, 1, 50));
        CountDownLatch inside = new CountDownLatch(1), release = new CountDownLatch(1);
        Thread hog = new Thread(() -> fair.check("ada", () -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }));
        hog.start();
        assertTrue(inside.await(30, TimeUnit.SECONDS));
        FairUse.Refused r = assertThrows(FairUse.Refused.class, () -> fair.check("bob", () -> 1));
        assertTrue(r.getMessage().contains("busy"), r.getMessage());
        release.countDown();
        hog.join(30_000);
    }

    @Test
    void labsBeyondTheCapAreRefusedAndASlotFreesWhenARunEnds() {
        FairUse fair = new FairUse(new FairUse.Limits(2, 1, 1000));
        FairUse.LabPass ada = fair.startLab("ada");
        FairUse.Refused full = assertThrows(FairUse.Refused.class, () -> fair.startLab("bob"));
        assertTrue(full.getMessage().contains("already training 1 lab"), full.getMessage());
        FairUse.Refused twice = assertThrows(FairUse.Refused.class, () -> fair.startLab("ada"));
        assertTrue(twice.getMessage().contains("You already have a lab"), twice.getMessage());
        ada.close();
        ada.close(); // twice is harmless: it must not free a second slot
        FairUse.LabPass bob = fair.startLab("bob");
        assertEquals(1, fair.runningLabs());
        assertThrows(FairUse.Refused.class, () -> fair.startLab("cy"));
        bob.close();
        assertEquals(0, fair.runningLabs());
    }

    @Test
    void limitsFollowTheCores() {
        assertEquals(new FairUse.Limits(2, 1, 300_000), FairUse.Limits.forCores(2));
        assertEquals(new FairUse.Limits(16, 8, 300_000), FairUse.Limits.forCores(16));
        assertEquals(new FairUse.Limits(1, 1, 300_000), FairUse.Limits.forCores(1));
    }
}
