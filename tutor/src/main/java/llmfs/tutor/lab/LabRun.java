package llmfs.tutor.lab;

import llmfs.compute.train.TrainEvent;
import llmfs.compute.train.TrainListener;
import llmfs.compute.train.Trainer;
import llmfs.compute.train.TrainingTask;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A training run on a background thread. Listeners (the TUI's lab screen, the CLI's progress bar) receive every
 * event on the training thread; {@link #snapshot()} gives a consistent copy of the curves for drawing.
 */
public final class LabRun {
    private final TrainingTask task;
    private final Trainer.Schedule schedule;
    private final Path checkpoint;
    private final boolean resume;
    private final long sampleSeed;
    private final Trainer trainer = new Trainer();
    private final List<TrainListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final List<double[]> trainCurve = new ArrayList<>();
    private final List<double[]> valCurve = new ArrayList<>();
    private final List<double[]> stepCurve = new ArrayList<>();
    private TrainEvent.Started started;
    private TrainEvent.Step lastStep;
    private TrainEvent.Sample lastSample;
    private final java.util.Map<String, List<double[]>> measureCurves = new java.util.LinkedHashMap<>();
    private List<String> report = List.of();
    private TrainEvent end;
    private Thread thread;
    /** The saved model this run continues, read before it is overwritten (null for a fresh run). */
    private LabRuns.Run continued;

    public LabRun(TrainingTask task, Trainer.Schedule schedule, Path checkpoint, boolean resume, long sampleSeed) {
        this.task = task;
        this.schedule = schedule;
        this.checkpoint = checkpoint;
        this.resume = resume;
        this.sampleSeed = sampleSeed;
    }

    public TrainingTask task() {
        return task;
    }

    public void addListener(TrainListener l) {
        listeners.add(l);
    }

    /** Starts training on a daemon thread. */
    public synchronized void start() {
        if (thread != null) throw new IllegalStateException("this run was already started");
        rememberContinued();
        thread = new Thread(() -> trainer.run(task, schedule, checkpoint, resume, sampleSeed, this::record),
                "lab-" + task.title());
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs on the calling thread (for the CLI) and returns the final event. */
    public TrainEvent runHere() {
        rememberContinued();
        return trainer.run(task, schedule, checkpoint, resume, sampleSeed, this::record);
    }

    /** Asks the run to stop after the current step; it still evaluates and saves. */
    public void stop() {
        trainer.stop();
    }

    public boolean isRunning() {
        synchronized (lock) {
            return thread != null && end == null;
        }
    }

    /** Waits for the run to end (or the timeout to pass). */
    public void join(long millis) throws InterruptedException {
        Thread t = thread;
        if (t != null) t.join(millis);
    }

    private void rememberContinued() {
        continued = resume ? LabRuns.of(checkpoint).current().orElse(null) : null;
    }

    /** Puts the run's best validation loss into the saved sidecar, so runs can be compared later. */
    private void recordBest() {
        double best = Double.POSITIVE_INFINITY;
        long at = -1;
        synchronized (lock) {
            for (double[] v : valCurve) {
                if (v[1] < best) {
                    best = v[1];
                    at = (long) v[0];
                }
            }
        }
        try {
            LabRuns.of(checkpoint).recordBest(best, at, continued);
        } catch (RuntimeException ignored) {
            // the model itself is saved; only the comparison figure is missing, and the table falls back to val loss
        }
    }

    private void record(TrainEvent e) {
        if (e instanceof TrainEvent.Finished) recordBest();
        synchronized (lock) {
            if (e instanceof TrainEvent.Started s) started = s;
            else if (e instanceof TrainEvent.Step s) {
                lastStep = s;
                stepCurve.add(new double[]{s.step(), s.loss()});
            } else if (e instanceof TrainEvent.Eval v) {
                trainCurve.add(new double[]{v.step(), v.trainLoss()});
                valCurve.add(new double[]{v.step(), v.valLoss()});
            } else if (e instanceof TrainEvent.Measures m) {
                m.values().forEach((k, v) -> measureCurves.computeIfAbsent(k, x -> new ArrayList<>())
                        .add(new double[]{m.step(), v}));
            } else if (e instanceof TrainEvent.Report r) report = r.lines();
            else if (e instanceof TrainEvent.Sample s) lastSample = s;
            else if (e instanceof TrainEvent.Finished || e instanceof TrainEvent.Failed) end = e;
        }
        for (TrainListener l : listeners) l.on(e);
    }

    /** A consistent copy of what the run has reported so far. */
    public Snapshot snapshot() {
        synchronized (lock) {
            java.util.Map<String, List<double[]>> measures = new java.util.LinkedHashMap<>();
            measureCurves.forEach((k, v) -> measures.put(k, List.copyOf(v)));
            return new Snapshot(started, lastStep, lastSample, end, List.copyOf(trainCurve), List.copyOf(valCurve),
                    List.copyOf(stepCurve), measures, report);
        }
    }

    /**
     * @param trainCurve (step, full-train-set loss) at each evaluation
     * @param valCurve   (step, validation loss) at each evaluation
     * @param stepCurve  (step, batch loss) for every step
     * @param measures   (step, value) curves of the task's further measures by name, e.g. DPO's accuracies
     * @param report     the task's final report once the run has ended (empty before)
     */
    public record Snapshot(TrainEvent.Started started, TrainEvent.Step lastStep, TrainEvent.Sample lastSample,
                           TrainEvent end, List<double[]> trainCurve, List<double[]> valCurve,
                           List<double[]> stepCurve, java.util.Map<String, List<double[]>> measures,
                           List<String> report) {}
}
