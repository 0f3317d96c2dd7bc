package llmfs.compute.train;

import llmfs.compute.Rng;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One part's training job, as the {@link Trainer} sees it: a model with its data and optimiser that can take a step,
 * evaluate, sample, and save/restore itself.
 */
public interface TrainingTask {
    /** Shown in progress output, e.g. "names MLP (17,651 parameters)". */
    String title();

    long parameterCount();

    /** Optimiser steps in the whole run. */
    long totalSteps();

    /** Steps per epoch (a full pass over the training data); used to report epochs. */
    long stepsPerEpoch();

    /** Predicted tokens per step (for tokens/s). */
    int tokensPerStep();

    /** Performs optimiser step number {@code step} (0-based) and returns that batch's loss. */
    float step(long step);

    /** Mean loss over the whole training and validation sets, without gradients: {trainLoss, valLoss}. */
    float[] evaluate();

    /**
     * Figures beyond the two losses, measured by the latest {@link #evaluate()} (empty by default); the trainer
     * reports them as a {@link TrainEvent.Measures} right after each evaluation.
     */
    default java.util.Map<String, Float> measures() {
        return java.util.Map.of();
    }

    /**
     * Lines that sum up the trained model beyond its losses, measured once at the end of a run (stopped early or
     * not); empty by default. The trainer reports them as a {@link TrainEvent.Report} before Finished.
     */
    default java.util.List<String> finalReport() {
        return java.util.List.of();
    }

    /** A short sample from the current model. */
    String sample(Rng rng);

    /** Saves model + optimiser + progress; {@code step} is the number of completed steps. */
    void save(Path checkpoint, long step, float trainLoss, float valLoss) throws IOException;

    /** Restores from {@code checkpoint} and returns the number of completed steps to resume after. */
    long restore(Path checkpoint);
}
