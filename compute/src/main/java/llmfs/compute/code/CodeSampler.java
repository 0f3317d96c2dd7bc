package llmfs.compute.code;

import llmfs.compute.Rng;
import llmfs.compute.nn.Gpt;
import llmfs.compute.sample.GptSampler;
import llmfs.compute.sample.Sampler;
import llmfs.compute.text.TokenCodec;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Samples a method body from a GPT: the prompt's tokens, then one sampled token at a time, each decoded and fed to a
 * {@link MethodEnd} scanner that has already read the prompt. Generation stops the moment the method's closing brace
 * appears (the text is cut right after it, even when a BPE token carries more), at the end-of-text token, after
 * {@code maxTokens}, or when {@code stop} says so.
 */
public final class CodeSampler implements MethodCompleter {
    private final Gpt model;
    private final TokenCodec codec;
    private final Sampler.Settings settings;
    private final int maxTokens;
    private final int endId;

    /**
     * @param endId the end-of-text token id (generation stops there too), or -1 for none
     */
    public CodeSampler(Gpt model, TokenCodec codec, Sampler.Settings settings, int maxTokens, int endId) {
        if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
        this.model = model;
        this.codec = codec;
        this.settings = settings;
        this.maxTokens = maxTokens;
        this.endId = endId;
    }

    /** The sampling settings. */
    public Sampler.Settings settings() {
        return settings;
    }

    /** The model. */
    public Gpt model() {
        return model;
    }

    /** The tokenizer. */
    public TokenCodec codec() {
        return codec;
    }

    /** The same model with other sampling settings and budget. */
    public CodeSampler with(Sampler.Settings s, int tokens) {
        return new CodeSampler(model, codec, s, tokens, endId);
    }

    @Override
    public String complete(String prompt, Rng rng, Consumer<String> onText) {
        return complete(prompt, rng, onText, () -> false);
    }

    /** {@link #complete(String, Rng, Consumer)} that also ends when {@code stop} turns true (Ctrl-C in a chat). */
    public String complete(String prompt, Rng rng, Consumer<String> onText, BooleanSupplier stop) {
        MethodEnd end = new MethodEnd();
        end.acceptAll(prompt);
        int[] p = codec.encode(prompt);
        if (p.length == 0) p = new int[]{codec.padId()};
        StringBuilder out = new StringBuilder();
        // The KV-cache sampler: each new token costs one position's work, not a pass over the whole window.
        new GptSampler(model).generate(p, maxTokens, settings, rng, endId, id -> {
            if (stop.getAsBoolean()) return false;
            String piece = codec.decode(new int[]{id});
            for (int i = 0; i < piece.length(); i++) {
                if (end.accept(piece.charAt(i))) {
                    String last = piece.substring(0, i + 1); // a BPE token may carry text past the brace: cut it
                    out.append(last);
                    onText.accept(last);
                    return false;
                }
            }
            out.append(piece);
            onText.accept(piece);
            return true;
        });
        return out.toString();
    }
}
