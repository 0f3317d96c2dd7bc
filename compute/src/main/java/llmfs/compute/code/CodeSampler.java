package llmfs.compute.code;

import llmfs.compute.Rng;
import llmfs.compute.Tape;
import llmfs.compute.nn.Gpt;
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
        int ctxLen = model.cfg.context();
        int[] ids = new int[ctxLen];
        int[] p = codec.encode(prompt);
        int n = Math.min(p.length, ctxLen);
        System.arraycopy(p, p.length - n, ids, 0, n);
        StringBuilder out = new StringBuilder();
        try (var off = Tape.noGrad()) {
            for (int step = 0; step < maxTokens && !stop.getAsBoolean(); step++) {
                if (n == 0) {
                    ids[0] = codec.padId();
                    n = 1;
                }
                int[] window = java.util.Arrays.copyOf(ids, n);
                float[] all = model.forward(window, 1, n).toArray();
                int vocab = model.cfg.vocab();
                float[] logits = java.util.Arrays.copyOfRange(all, (n - 1) * vocab, n * vocab);
                int next = Sampler.sample(logits, settings, rng);
                if (next == endId) break;
                String piece = codec.decode(new int[]{next});
                for (int i = 0; i < piece.length(); i++) {
                    if (end.accept(piece.charAt(i))) {
                        String last = piece.substring(0, i + 1);
                        out.append(last);
                        onText.accept(last);
                        return out.toString();
                    }
                }
                out.append(piece);
                onText.accept(piece);
                if (n == ctxLen) {
                    System.arraycopy(ids, 1, ids, 0, ctxLen - 1);
                    ids[ctxLen - 1] = next;
                } else {
                    ids[n++] = next;
                }
            }
        }
        return out.toString();
    }
}
