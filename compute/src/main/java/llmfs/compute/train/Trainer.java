package llmfs.compute.train;

import llmfs.compute.Rng;
import llmfs.compute.Tape;
import llmfs.compute.backend.Backends;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a {@link TrainingTask} and reports {@link TrainEvent}s: steps with tokens/s and ETA, periodic full
 * evaluations (train and val loss), samples every few seconds, and checkpoints so a run survives a disconnect.
 * Stopping is cooperative: {@link #stop()} ends the run after the current step, with a final evaluation and save.
 */
public final class Trainer {
    /** How often to evaluate, sample and save. */
    public record Schedule(long evalEverySteps, double sampleEverySeconds, double checkpointEverySeconds) {
        public static Schedule every(long evalEverySteps) {
            return new Schedule(evalEverySteps, 5, 30);
        }
    }

    private final AtomicBoolean stop = new AtomicBoolean();

    /** Asks the run to end after the current step (safe from any thread). */
    public void stop() {
        stop.set(true);
    }

    public boolean stopRequested() {
        return stop.get();
    }

    /**
     * Trains until the task's last step or until stopped. {@code checkpoint} may be null (no saving); if it exists
     * and {@code resume} is true, training continues from it.
     *
     * @return the final event (Finished or Failed)
     */
    public TrainEvent run(TrainingTask task, Schedule schedule, Path checkpoint, boolean resume, long sampleSeed,
                          TrainListener listener) {
        long step = 0;
        float lastTrain = Float.NaN, lastVal = Float.NaN;
        try {
            if (resume && checkpoint != null && java.nio.file.Files.exists(checkpoint)) step = task.restore(checkpoint);
            long total = task.totalSteps();
            listener.on(new TrainEvent.Started(task.title(), step, total, task.parameterCount(),
                    Backends.current().name()));
            Rng sampleRng = new Rng(sampleSeed);
            long t0 = System.nanoTime();
            long startStep = step;
            Eta eta = new Eta();
            double lastSample = -1e9, lastSave = 0;
            {
                // A starting point for the curves (and, after a resume, the losses the checkpoint left off at).
                float[] ev = task.evaluate();
                lastTrain = ev[0];
                lastVal = ev[1];
                listener.on(new TrainEvent.Eval(step, (int) (step / Math.max(1, task.stepsPerEpoch())), lastTrain, lastVal));
                measures(task, step, listener);
            }
            while (step < total && !stop.get()) {
                float loss = task.step(step);
                step++;
                if (!Float.isFinite(loss)) {
                    throw new IllegalStateException("the training loss became " + loss + " at step " + step
                            + " — the learning rate may be too high");
                }
                double elapsed = (System.nanoTime() - t0) / 1e9;
                double perStep = elapsed / (step - startStep);
                int epoch = (int) (step / Math.max(1, task.stepsPerEpoch()));
                listener.on(new TrainEvent.Step(step, total, epoch, loss, task.tokensPerStep() / perStep, elapsed,
                        eta.update(step - startStep, elapsed, total - startStep)));
                if (step % schedule.evalEverySteps() == 0 || step == total) {
                    float[] ev = task.evaluate();
                    lastTrain = ev[0];
                    lastVal = ev[1];
                    listener.on(new TrainEvent.Eval(step, epoch, lastTrain, lastVal));
                    measures(task, step, listener);
                }
                if (elapsed - lastSample >= schedule.sampleEverySeconds()) {
                    lastSample = elapsed;
                    try (var off = Tape.noGrad()) {
                        listener.on(new TrainEvent.Sample(step, task.sample(sampleRng)));
                    }
                }
                if (checkpoint != null && elapsed - lastSave >= schedule.checkpointEverySeconds()) {
                    lastSave = elapsed;
                    task.save(checkpoint, step, lastTrain, lastVal);
                    listener.on(new TrainEvent.Checkpointed(step, checkpoint));
                }
            }
            if (step % schedule.evalEverySteps() != 0 && step != total) {
                float[] ev = task.evaluate();
                lastTrain = ev[0];
                lastVal = ev[1];
                listener.on(new TrainEvent.Eval(step, (int) (step / Math.max(1, task.stepsPerEpoch())), lastTrain, lastVal));
                measures(task, step, listener);
            }
            if (checkpoint != null) {
                task.save(checkpoint, step, lastTrain, lastVal);
                listener.on(new TrainEvent.Checkpointed(step, checkpoint));
            }
            java.util.List<String> report;
            try (var off = Tape.noGrad()) {
                report = task.finalReport();
            }
            if (!report.isEmpty()) listener.on(new TrainEvent.Report(step, java.util.List.copyOf(report)));
            TrainEvent.Finished done = new TrainEvent.Finished(step, lastTrain, lastVal, stop.get() && step < total,
                    (System.nanoTime() - t0) / 1e9);
            listener.on(done);
            return done;
        } catch (Throwable e) {
            Tape.clear();
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            if (e instanceof OutOfMemoryError) {
                msg = "ran out of Java heap memory; start the tutor with a larger -Xmx (TUTOR_JAVA_OPTS=-Xmx8g)";
            }
            TrainEvent.Failed f = new TrainEvent.Failed(step, msg, e);
            listener.on(f);
            return f;
        }
    }

    private static void measures(TrainingTask task, long step, TrainListener listener) {
        java.util.Map<String, Float> m = task.measures();
        if (!m.isEmpty()) listener.on(new TrainEvent.Measures(step, m));
    }
}
