package llmfs.compute.train;

import java.nio.file.Path;

/** What a training run reports, in order: Started, then Steps with Evals/Samples/Checkpoints, then Finished or Failed. */
public sealed interface TrainEvent {

    /** Training begins (or resumes at {@code startStep}). */
    record Started(String title, long startStep, long totalSteps, long parameters, String backend)
            implements TrainEvent {}

    /** One optimiser step; {@code loss} is that batch's training loss; {@code etaSeconds} is NaN until a few steps are timed ({@link Eta}). */
    record Step(long step, long totalSteps, int epoch, float loss, double tokensPerSecond, double elapsedSeconds,
                double etaSeconds) implements TrainEvent {
        public double fraction() {
            return totalSteps == 0 ? 1 : (double) step / totalSteps;
        }
    }

    /** Losses over the whole train and validation sets, measured without dropout. */
    record Eval(long step, int epoch, float trainLoss, float valLoss) implements TrainEvent {}

    /**
     * Further named figures a task measures at each evaluation (DPO: preference accuracy and rewards on the train
     * and held-out pairs), in the task's order.
     */
    record Measures(long step, java.util.Map<String, Float> values) implements TrainEvent {}

    /** What the task measured on the finished model (e.g. held-out accuracy), one line each. */
    record Report(long step, java.util.List<String> lines) implements TrainEvent {}

    /** Text sampled from the model as it is now. */
    record Sample(long step, String text) implements TrainEvent {}

    /** The model and optimiser were saved. */
    record Checkpointed(long step, Path path) implements TrainEvent {}

    /** The run ended: completed, or stopped early on request ({@code stopped}). */
    record Finished(long step, float trainLoss, float valLoss, boolean stopped, double elapsedSeconds)
            implements TrainEvent {}

    /** The run failed; the message says why. */
    record Failed(long step, String message, Throwable cause) implements TrainEvent {}
}
