package llmfs.tutor.check;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShrinkTest {
    @Test
    void keepsOnlyWhatTheFailureNeeds() {
        // "Fails" whenever both "b" and "x" are present.
        List<String> small = Shrink.list(List.of("a", "b", "c", "x", "d"), l -> l.contains("b") && l.contains("x"), 100);
        assertEquals(List.of("b", "x"), small);
    }

    @Test
    void staysWithinItsBudgetAndTreatsExceptionsAsPassing() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> in = List.of(1, 2, 3, 4, 5, 6, 7, 8);
        List<Integer> out = Shrink.list(in, l -> {
            calls.incrementAndGet();
            throw new LearnerException(new RuntimeException());
        }, 5);
        assertEquals(in, out);
        assertTrue(calls.get() <= 5, "calls: " + calls);
    }
}
