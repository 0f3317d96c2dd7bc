package llmfs.tutor.lab;

import llmfs.compute.code.CodeCompression;
import llmfs.compute.code.JavaMethodCorpus;
import llmfs.compute.data.Corpora;
import llmfs.compute.nn.Gpt;
import llmfs.compute.text.CourseVocab;
import llmfs.compute.text.TokenCodec;
import llmfs.compute.train.CosineSchedule;
import llmfs.compute.train.GptTraining;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Part 7: the GPT on the Java methods of {@code corpora/java-methods.txt}. The training methods are the training
 * text and the held-out methods are the validation text (the stream is training methods then held-out methods, and
 * the held-out share is the validation tail). Characters by default ({@code --config bpe}: a 512-token BPE learned
 * from the training methods); a cosine schedule with warm-up and gradient clipping at norm 1. After training, the
 * test bench ({@link llmfs.tutor.code.CodeBench}) samples methods and runs their unit tests.
 */
public final class CodeLab implements Lab {
    /** Default run: about five minutes of training on two cores. */
    public static final long QUICK_STEPS = 1_000;
    /** The long preset. */
    public static final long LONG_STEPS = 6_000;
    /** Windows per step: 16 of 128 characters, 2,048 predicted tokens. */
    static final int BATCH = 16;
    /** The BPE variant's vocabulary. */
    public static final int BPE_VOCAB = 512;
    /** The prompt of the samples shown while training: a training method, so memorising shows first. */
    static final String SAMPLE_PROMPT = "/** Returns true when n is a prime number. */\npublic static boolean isPrime(int n) {\n";

    @Override
    public String id() {
        return "code";
    }

    @Override
    public int part() {
        return 7;
    }

    @Override
    public Set<Opt> options() {
        return Set.of(Opt.STEPS, Opt.CONFIG);
    }

    @Override
    public List<Extra> extras() {
        return List.of(Extra.CODE_BENCH);
    }

    @Override
    public String trainHelp() {
        return "--steps N (default " + QUICK_STEPS + ", about five minutes; --long: " + LONG_STEPS + "), --bpe (a "
                + BPE_VOCAB + "-token BPE instead of characters), then the test bench: --k N samples per method"
                + " (default " + CodeBenchDefaults.K + "), --all-methods, --no-bench";
    }

    @Override
    public String chatHelp() {
        return "a Javadoc and signature (\\n for a line break): the model writes the body and stops at its closing"
                + " brace; :test runs the corpus's tests for that method";
    }

    /** The two tokenizations. */
    static String variant(String config) {
        if (config == null || config.equalsIgnoreCase("chars")) return null;
        if (config.equalsIgnoreCase("bpe")) return "bpe";
        throw new IllegalArgumentException("the code lab has the configurations chars (the default) and bpe, not '"
                + config + "'");
    }

    @Override
    public Path checkpoint(String variant, Path workspace) {
        String v = variant(variant);
        return workspace.resolve("checkpoints").resolve(v == null ? "code.safetensors" : "code-bpe.safetensors");
    }

    @Override
    public Labs.About about() {
        return new Labs.About(id(), "This lab trains the GPT of Part 4 (width 128, 4 heads, 3 layers, context 128, batches of 16,"
                + " dropout 0.1) on 145 small Java methods written for the tutor, one character per token; 61 more"
                + " methods are held out as validation text. The learning rate warms up over 100 steps to 1e-3 and"
                + " follows a cosine down to 1e-4; gradients are clipped at norm 1. Then the test bench samples"
                + " method bodies from their signatures, stops each at its closing brace, compiles it with its unit"
                + " tests and runs them in the checker's sandboxed process: pass@1 and pass@k for training and"
                + " held-out methods, with the failures counted by reason.",
                String.format(Locale.ROOT, "quick run: %,d steps, about five minutes on two cores, then the bench"
                        + " (a few minutes)", QUICK_STEPS),
                String.format(Locale.ROOT, "long run: %,d steps, roughly half an hour on two cores", LONG_STEPS),
                "tutor train code --long");
    }

    /** The tokenizer of a configuration; BPE is learned from the training methods (deterministic, about a second). */
    public static TokenCodec codec(String config, JavaMethodCorpus corpus) {
        if (variant(config) == null) return TokenCodec.of(CourseVocab.full(), ' ');
        return new BpeCodec(CodeCompression.tokenizer(corpus.trainingText(), BPE_VOCAB));
    }

    @Override
    public Labs.Setup create(Labs.Options o, Path workspace, Corpora corpora) {
        LabSupport.rejectUnknown(this, o);
        if (o.epochs() != null) throw new IllegalArgumentException("the code lab counts steps: use --steps");
        String v = variant(o.config());
        JavaMethodCorpus corpus = JavaMethodCorpus.load(corpora);
        TokenCodec codec = codec(o.config(), corpus);
        int[] train = codec.encode(corpus.trainingText());
        int[] held = codec.encode(corpus.heldOutText());
        int[] tokens = new int[train.length + held.length];
        System.arraycopy(train, 0, tokens, 0, train.length);
        System.arraycopy(held, 0, tokens, train.length, held.length);
        long steps = LabSupport.steps(o, train.length, 1, QUICK_STEPS, LONG_STEPS);
        Gpt.Config model = new Gpt.Config(codec.vocabSize(), 128, 4, 3, v == null ? 128 : 64, 0.1f);
        CosineSchedule schedule = new CosineSchedule(1e-3, 1e-4, Math.min(100, steps / 10), steps);
        GptTraining.Config cfg = new GptTraining.Config(model, BATCH, schedule, steps, o.seed() == null ? 42 : o.seed(),
                (double) held.length / tokens.length, 0.99f, 0.01f, 1.0f,
                o.evalWindows() == null ? 128 : o.evalWindows(), 0.5f, SAMPLE_PROMPT, 160);
        GptTraining task = new GptTraining(v == null ? "Java methods (characters)" : "Java methods (" + BPE_VOCAB
                + " BPE tokens)", tokens, codec, cfg);
        Path ck = checkpoint(o.config(), workspace);
        boolean resume = !o.restart() && LabSupport.unfinished(ck, task.totalSteps());
        return new Labs.Setup(id(), task, ck, resume, LabSupport.schedule(steps), 1.20f, 1.40f, "400-step run",
                "a run of 400 steps ended with training loss 1.29 and held-out loss 1.46 (docs/performance.md); the"
                        + " quick run's 1,000 steps go lower. A model trained for minutes recalls some training methods"
                        + " and rarely writes a correct held-out one",
                about(), List.of(String.format(Locale.ROOT, "%,d training tokens, %,d held-out tokens (%s)",
                        train.length, held.length, v == null ? "characters" : String.format(Locale.ROOT,
                                "%d-token BPE: %.2f characters per token on the training methods, %.2f on the"
                                        + " held-out ones", BPE_VOCAB, (double) corpus.trainingText().length()
                                        / train.length, (double) corpus.heldOutText().length() / held.length))));
    }
}
