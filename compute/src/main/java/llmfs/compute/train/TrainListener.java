package llmfs.compute.train;

/** Receives a run's events on the training thread; keep it quick (copy what you need and return). */
@FunctionalInterface
public interface TrainListener {
    void on(TrainEvent event);
}
