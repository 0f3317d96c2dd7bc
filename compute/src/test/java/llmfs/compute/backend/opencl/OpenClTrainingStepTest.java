package llmfs.compute.backend.opencl;

import llmfs.compute.backend.Backend;
import llmfs.compute.backend.TrainingStepParity;

/** Whole training steps on OpenCL against the scalar reference. */
class OpenClTrainingStepTest extends TrainingStepParity {
    @Override
    protected Backend backendUnderTest() {
        return OpenClTestSupport.backendOrSkip();
    }
}
