package llmfs.compute.train;

import llmfs.compute.data.Corpora;
import llmfs.compute.data.Names;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamesTrainingTest {
    @TempDir
    Path dir;

    /** A small, fast configuration on the real corpus. */
    private static NamesTraining small(int epochs) {
        List<String> names = Names.indian(Corpora.locate());
        return new NamesTraining(names, "names-indian.csv",
                new NamesTraining.Config(8, 32, 5, 1024, 0.01f, epochs, 42, 0.1, 0.8f));
    }

    @Test
    void splitsByNameAndStartsNearTheUniformLoss() {
        NamesTraining t = small(1);
        assertEquals(44_325, t.trainWindows() + t.valWindows());
        float[] ev = t.evaluate();
        // An untrained model is close to guessing uniformly among 27 characters: ln 27 ≈ 3.30.
        assertEquals(Math.log(27), ev[0], 0.25);
    }

    @Test
    void lossFallsAndEventsArriveInOrder() {
        NamesTraining t = small(2);
        List<TrainEvent> events = new ArrayList<>();
        TrainEvent end = new Trainer().run(t, Trainer.Schedule.every(t.stepsPerEpoch()), null, false, 1, events::add);
        assertInstanceOf(TrainEvent.Finished.class, end, String.valueOf(end));
        assertInstanceOf(TrainEvent.Started.class, events.get(0));
        TrainEvent.Eval first = (TrainEvent.Eval) events.stream().filter(e -> e instanceof TrainEvent.Eval).findFirst().get();
        TrainEvent.Finished fin = (TrainEvent.Finished) end;
        assertTrue(fin.trainLoss() < first.trainLoss() - 0.5, first + " → " + fin);
        assertTrue(Float.isFinite(fin.valLoss()));
        assertEquals(t.totalSteps(), events.stream().filter(e -> e instanceof TrainEvent.Step).count());
    }

    @Test
    void resumingFromACheckpointContinuesExactlyTheSameRun() {
        Path ck = dir.resolve("names.safetensors");
        // Run A: 2 epochs straight.
        NamesTraining a = small(2);
        new Trainer().run(a, Trainer.Schedule.every(1000), null, false, 1, e -> {});
        // Run B: stop after 1 epoch (save), then resume in a fresh task for the rest.
        NamesTraining b1 = small(2);
        new Trainer().run(new StopAfter(b1, b1.stepsPerEpoch()), Trainer.Schedule.every(1000), ck, false, 1, e -> {});
        NamesTraining b2 = small(2);
        new Trainer().run(b2, Trainer.Schedule.every(1000), ck, true, 1, e -> {});
        float[] wa = a.model().output.weight.toArray(), wb = b2.model().output.weight.toArray();
        for (int i = 0; i < wa.length; i++) assertEquals(wa[i], wb[i], 1e-6, "weight " + i);
    }

    /** Delegates to a task but claims fewer total steps (a run interrupted after {@code n} steps). */
    private record StopAfter(NamesTraining t, long n) implements TrainingTask {
        public String title() { return t.title(); }
        public long parameterCount() { return t.parameterCount(); }
        public long totalSteps() { return n; }
        public long stepsPerEpoch() { return t.stepsPerEpoch(); }
        public int tokensPerStep() { return t.tokensPerStep(); }
        public float step(long s) { return t.step(s); }
        public float[] evaluate() { return t.evaluate(); }
        public String sample(llmfs.compute.Rng r) { return t.sample(r); }
        public void save(Path p, long s, float a, float b) throws java.io.IOException { t.save(p, s, a, b); }
        public long restore(Path p) { return t.restore(p); }
    }
}
