package llmfs.tutor.check;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagnosisTest {
    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s / a.length;
    }

    private static double sum(double[] a) {
        return mean(a) * a.length;
    }

    private static Diagnosis suspects(Function<double[], Double> learner) {
        List<double[]> probes = List.of(new double[]{1, 2, 3}, new double[]{5});
        return Diagnosis.within(1e-9, 1e-9)
                .suspect("sum-not-mean", "summed", probes, learner::apply, DiagnosisTest::sum, DiagnosisTest::mean)
                .suspect("half", "halved", probes, learner::apply, a -> mean(a) / 2, DiagnosisTest::mean);
    }

    @Test
    void namesTheMistakeThatExplainsEveryProbe() {
        assertEquals(Optional.of("sum-not-mean"), suspects(DiagnosisTest::sum).find().map(Diagnosis.Found::name));
        assertEquals(Optional.of("half"), suspects(a -> mean(a) / 2).find().map(Diagnosis.Found::name));
    }

    @Test
    void namesNothingWhenOnlySomeProbesAgree() {
        // Sums on the first probe only: the second probe refutes "sum-not-mean".
        Function<double[], Double> oddOne = a -> a.length == 3 ? sum(a) : mean(a) + 1;
        assertTrue(suspects(oddOne).find().isEmpty());
    }

    @Test
    void aProbeThatCannotTellTheMistakeFromCorrectCodeConfirmsNothing() {
        // On one-element inputs the sum is the mean: a correct learner must not be called "sum-not-mean".
        Diagnosis d = Diagnosis.exact().suspect("sum-not-mean", "summed", List.of(new double[]{4}),
                DiagnosisTest::mean, DiagnosisTest::sum, DiagnosisTest::mean);
        assertTrue(d.find().isEmpty());
    }

    @Test
    void learnerExceptionsDuringProbesCountAsNo() {
        Function<double[], Double> throwing = a -> {
            throw new LearnerException(new ArithmeticException("boom"));
        };
        assertTrue(suspects(throwing).find().isEmpty());
        Diagnosis hand = Diagnosis.exact().suspect("x", "y", () -> {
            throw new IllegalStateException();
        });
        assertTrue(hand.find().isEmpty());
    }

    @Test
    void explainAddsTheLabelOnlyWhenConfirmed() {
        CheckReport failure = CheckReport.fail("wrong mean", "expected 2").withMaxError(4.0).withFirstDiff("d");
        CheckReport named = suspects(DiagnosisTest::sum).explain(failure);
        assertFalse(named.passed());
        assertEquals("sum-not-mean", named.likelyBug());
        assertTrue(named.details().endsWith("Likely bug (sum-not-mean): summed"), named.details());
        assertEquals(4.0, named.maxError());
        assertEquals("d", named.firstDiff());
        CheckReport plain = suspects(a -> 0.0).explain(failure);
        assertNull(plain.likelyBug());
        assertEquals(failure, plain);
    }
}
