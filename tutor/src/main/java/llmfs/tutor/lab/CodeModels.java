package llmfs.tutor.lab;

import com.google.gson.JsonObject;
import llmfs.compute.code.CodeSampler;
import llmfs.compute.code.JavaMethodCorpus;
import llmfs.compute.data.Corpora;
import llmfs.compute.io.CheckpointException;
import llmfs.compute.io.ModelCheckpoints;
import llmfs.compute.nn.Gpt;
import llmfs.compute.sample.Sampler;
import llmfs.compute.text.TokenCodec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The code lab's saved model, ready to write methods: the GPT from its checkpoint and the tokenizer it was trained
 * with (characters, or the BPE learned again from the corpus, checked against the checkpoint's fingerprint).
 */
public final class CodeModels {
    private CodeModels() {}

    /** A loaded model: the sampler and one line saying what it is. */
    public record Loaded(CodeSampler sampler, JavaMethodCorpus corpus, String description) {}

    /**
     * @param config {@code null}/{@code chars} or {@code bpe}
     * @throws IllegalStateException with what to run when there is no usable model
     */
    public static Loaded load(String config, Path workspace, Corpora corpora) {
        CodeLab lab = new CodeLab();
        Path ck = lab.checkpoint(config, workspace);
        String train = "tutor train code" + (CodeLab.variant(config) == null ? "" : " --bpe");
        if (!Files.isRegularFile(ck)) {
            throw new IllegalStateException("the code model has not been trained yet: run `" + train
                    + "` (or open Part 7's lab in the tutor) first");
        }
        ModelCheckpoints.Restored r;
        try {
            r = ModelCheckpoints.load(ck);
        } catch (CheckpointException e) {
            throw new IllegalStateException("cannot load the code model: " + e.getMessage() + ". Run `" + train
                    + " --restart` to train it again", e);
        }
        Gpt model = r.gpt();
        JsonObject side = r.sidecar();
        JavaMethodCorpus corpus = JavaMethodCorpus.load(corpora);
        TokenCodec codec = CodeLab.codec(config, corpus);
        String saved = side.has("codec") ? side.get("codec").getAsString() : "";
        if (!codec.fingerprint().equals(saved)) {
            throw new IllegalStateException("the saved code model was trained with another tokenizer than this corpus"
                    + " gives; run `" + train + " --restart` to train it again");
        }
        StringBuilder d = new StringBuilder(String.format(Locale.ROOT, "Part 7 code model (%s): %,d parameters",
                CodeLab.variant(config) == null ? "characters" : CodeLab.BPE_VOCAB + " BPE tokens",
                model.parameterCount()));
        if (side.has("step")) d.append(String.format(Locale.ROOT, ", trained %,d steps", side.get("step").getAsLong()));
        if (side.has("valLoss")) d.append(String.format(Locale.ROOT, ", held-out loss %.4f",
                side.get("valLoss").getAsDouble()));
        CodeSampler sampler = new CodeSampler(model, codec, Sampler.Settings.temperature(CodeBenchDefaults.TEMPERATURE),
                CodeBenchDefaults.MAX_TOKENS, -1);
        return new Loaded(sampler, corpus, d.toString());
    }
}
