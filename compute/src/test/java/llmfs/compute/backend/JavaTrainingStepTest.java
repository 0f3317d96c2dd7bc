package llmfs.compute.backend;

/** Whole training steps on the fast Java backend against the scalar reference. */
class JavaTrainingStepTest extends TrainingStepParity {
    @Override
    protected Backend backendUnderTest() {
        return new JavaBackend();
    }
}
