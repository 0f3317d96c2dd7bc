package llmfs.tui.chat;

import llmfs.compute.Rng;
import llmfs.compute.nn.CharMlp;
import llmfs.compute.nn.Gpt;
import llmfs.compute.sample.GptSampler;
import llmfs.compute.sample.MlpSampler;
import llmfs.compute.sample.Sampler;
import llmfs.compute.text.TokenCodec;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A text model in a chat (Parts 2–4): the typed line is a prompt, and the model continues it one token at a time,
 * each token printed as soon as it is sampled. The MLP keeps a prompt's last tokens and left-pads a short one, as in
 * training's samples; the GPT runs the prompt once through its key/value cache and then adds one token per step.
 */
public final class TextChat implements ChatModel {
    /** Continues a prompt, handing each sampled token to the sink until it returns false or the length is reached. */
    @FunctionalInterface
    interface Continuer {
        void run(int[] prompt, int length, Sampler.Settings settings, Rng rng, GptSampler.TokenSink sink);
    }

    private final String lab;
    private final Continuer model;
    private final TokenCodec codec;
    private final String unit;
    private final int defaultLength;
    private final String description;

    /**
     * @param lab           the lab id
     * @param model         a trained model
     * @param codec         the tokenizer it was trained with
     * @param unit          what one token is, for messages ("characters", "tokens")
     * @param defaultLength tokens generated per prompt unless {@code :len} says otherwise
     * @param description   the header line
     */
    public TextChat(String lab, CharMlp model, TokenCodec codec, String unit, int defaultLength, String description) {
        this(lab, mlp(model, codec.padId()), codec, unit, defaultLength, description);
    }

    /** A GPT's chat: the prompt goes through the key/value cache once, then each new token costs one pass. */
    public TextChat(String lab, Gpt model, TokenCodec codec, String unit, int defaultLength, String description,
                    int stopId) {
        this(lab, gpt(new GptSampler(model), stopId), codec, unit, defaultLength, description);
    }

    private TextChat(String lab, Continuer model, TokenCodec codec, String unit, int defaultLength,
                     String description) {
        this.lab = lab;
        this.model = model;
        this.codec = codec;
        this.unit = unit;
        this.defaultLength = defaultLength;
        this.description = description;
    }

    @Override
    public String lab() {
        return lab;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String usage() {
        return "Type a prompt, e.g. ROMEO: and press Enter: the model continues it (\\n in a prompt is a line"
                + " break; an empty line lets it start from nothing).";
    }

    /** What one generated token is: "characters" or "tokens". */
    public String unit() {
        return unit;
    }

    /** Tokens generated per prompt by default. */
    public int defaultLength() {
        return defaultLength;
    }

    @Override
    public void reply(String line, ChatSettings s, ChatOutput out) {
        String prompt = line.replace("\\n", "\n");
        checkKnown(prompt);
        int[] p = codec.encode(prompt);
        out.echo(prompt);
        boolean[] stopped = new boolean[1];
        model.run(p, s.length(), s.sampling(), s.rng(), id -> {
            if (out.stopRequested()) {
                stopped[0] = true;
                return false;
            }
            out.text(codec.decode(new int[]{id}));
            return true;
        });
        if (stopped[0]) {
            out.note("(stopped)");
            return;
        }
        out.endLine();
    }

    /** The MLP's loop: a fixed window of the last {@code block} tokens, left-padded, slid by one per token. */
    private static Continuer mlp(CharMlp model, int padId) {
        return (p, length, settings, rng, sink) -> {
            int[] ctx = new int[model.block];
            Arrays.fill(ctx, padId);
            int keep = Math.min(p.length, ctx.length);
            System.arraycopy(p, p.length - keep, ctx, ctx.length - keep, keep);
            for (int i = 0; i < length; i++) {
                // One token per call: the same draws as a whole continuation, but each is shown as it comes.
                int next = MlpSampler.continueFrom(model, ctx, 1, settings, rng)[0];
                MlpSampler.slide(ctx, next);
                if (!sink.accept(next)) return;
            }
        };
    }

    /** The GPT's loop; an empty prompt starts from a line break (id 0), as a new speech would. */
    private static Continuer gpt(GptSampler sampler, int stopId) {
        return (p, length, settings, rng, sink) ->
                sampler.generate(p.length == 0 ? new int[]{0} : p, length, settings, rng, stopId, sink);
    }

    /** @throws IllegalArgumentException naming every character of {@code prompt} the tokenizer cannot encode */
    private void checkKnown(String prompt) {
        Set<String> missing = new LinkedHashSet<>();
        prompt.codePoints().distinct().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                codec.encode(ch);
            } catch (IllegalArgumentException e) {
                missing.add(String.format(Locale.ROOT, "'%s' (U+%04X)", ch, cp));
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the " + lab + " model has no token for " + String.join(", ", missing)
                    + ": it knows only the characters that occur in Tiny Shakespeare");
        }
    }
}
