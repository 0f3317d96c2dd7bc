package llmfs.compute.backend;

/** Whole training steps on the Java backend without the Vector API against the scalar reference. */
class JavaPlainTrainingStepTest extends TrainingStepParity {
    @Override
    protected Backend backendUnderTest() {
        return new JavaBackend(new llmfs.compute.kernel.BlockedMatmul(), new llmfs.compute.kernel.ScalarElementwise());
    }
}
