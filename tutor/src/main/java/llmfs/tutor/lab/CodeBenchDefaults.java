package llmfs.tutor.lab;

/** The test bench's defaults, shared by the command line and the lab screen. */
public final class CodeBenchDefaults {
    private CodeBenchDefaults() {}

    /** Samples per method (pass@1 and pass@K are reported). */
    public static final int K = 4;
    /** Every held-out method, and every STRIDE-th training method (all of them with --all-methods). */
    public static final int STRIDE = 3;
    /** Sampling temperature. */
    public static final float TEMPERATURE = 0.5f;
    /** Tokens a sampled method may run to before it counts as unfinished. */
    public static final int MAX_TOKENS = 500;
    /** Seed of the bench's samples. */
    public static final long SEED = 1234;
}
