package llmfs.tui.chat;

import llmfs.compute.nn.CharMlp;
import llmfs.compute.sample.MlpSampler;
import llmfs.compute.text.TokenCodec;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Parts 2 and 3 in a chat: the typed line is a prompt, and the model continues it one token at a time, each token
 * printed as soon as it is sampled. A prompt longer than the model's context keeps only its last tokens; a shorter
 * one is left-padded, exactly as in training's samples.
 */
public final class TextChat implements ChatModel {
    private final String lab;
    private final CharMlp model;
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
        int[] ctx = new int[model.block];
        Arrays.fill(ctx, codec.padId());
        int keep = Math.min(p.length, ctx.length);
        System.arraycopy(p, p.length - keep, ctx, ctx.length - keep, keep);
        out.echo(prompt);
        for (int i = 0; i < s.length(); i++) {
            if (out.stopRequested()) {
                out.note("(stopped)");
                return;
            }
            // One token per call: the same draws as a whole continuation, but each is shown as it comes.
            int next = MlpSampler.continueFrom(model, ctx, 1, s.sampling(), s.rng())[0];
            MlpSampler.slide(ctx, next);
            out.text(codec.decode(new int[]{next}));
        }
        out.endLine();
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
