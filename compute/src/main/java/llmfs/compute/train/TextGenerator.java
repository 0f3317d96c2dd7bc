package llmfs.compute.train;

import llmfs.compute.Rng;
import llmfs.compute.text.TokenCodec;

/** A training task whose model continues text: what the CLI needs to check prompts and print samples at the end. */
public interface TextGenerator {
    /** The tokenizer the model reads and writes. */
    TokenCodec codec();

    /** The temperature of the samples shown while training. */
    float temperature();

    /** The prompt followed by {@code length} sampled tokens, decoded. */
    String generate(String prompt, int length, float temperature, Rng rng);
}
