package llmfs.tui.chat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import llmfs.compute.Rng;
import llmfs.compute.data.Corpora;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.io.CheckpointException;
import llmfs.compute.nn.CharMlp;
import llmfs.compute.text.BpeFile;
import llmfs.compute.text.BpeTokenizer;
import llmfs.compute.text.CharVocab;
import llmfs.compute.text.TokenCodec;
import llmfs.tutor.lab.BpeCodec;
import llmfs.tutor.lab.Labs;
import llmfs.tutor.lab.ShakespeareTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads a lab's trained model for a chat. Everything needed to rebuild it comes from the checkpoint and its sidecar
 * (sizes, vocabulary); only the BPE model also needs the workspace's tokenizer file, which its fingerprint must match.
 */
public final class ChatModels {
    private ChatModels() {}

    /** Characters a Part 2 answer runs to unless {@code :len} says otherwise. */
    public static final int SHAKESPEARE_LENGTH = 300;
    /** Tokens a Part 3 answer runs to (about 300 characters). */
    public static final int BPE_LENGTH = 150;

    /** Whether lab {@code lab} has a saved model in {@code workspace} (the names lab's course corpus). */
    public static boolean trained(String lab, Path workspace) {
        return Files.isRegularFile(Labs.checkpoint(lab, null, workspace));
    }

    /**
     * The trained model of lab {@code lab}.
     *
     * @param corpus    the names lab's corpus ({@code indian}, {@code english}; null: the course's); null for the others
     * @param corpora   used only when the BPE tokenizer file is missing and has to be learned again; may be null
     * @throws IllegalArgumentException for an unknown lab or corpus (the message lists the known ones)
     * @throws ChatLoadException        when the model was not trained yet or its checkpoint cannot be used
     */
    public static ChatModel load(String lab, String corpus, Path workspace, Corpora corpora) {
        String id = Labs.resolve(lab);
        Path ck = Labs.checkpoint(id, corpus, workspace);
        String train = "tutor train " + id + (corpus == null ? "" : " --corpus " + corpus.toLowerCase(Locale.ROOT));
        if (!Files.isRegularFile(ck)) {
            throw new ChatLoadException("the " + id + " model has not been trained yet: run `" + train
                    + "` (or open its lab in the tutor) first");
        }
        Checkpoint.Loaded c;
        try {
            c = Checkpoint.load(ck);
        } catch (CheckpointException e) {
            throw new ChatLoadException("cannot load the " + id + " model: " + e.getMessage() + ". Run `" + train
                    + " --restart` to train it again from scratch; that replaces the damaged files", e);
        }
        try {
            JsonObject side = c.sidecar();
            JsonObject cfg = side.getAsJsonObject("config");
            if (cfg == null) throw new IllegalArgumentException("its sidecar has no model settings ('config')");
            int block = number(cfg, "block").intValue(), emb = number(cfg, "embDim").intValue();
            int hidden = number(cfg, "hidden").intValue();
            return switch (id) {
                case "names" -> {
                    CharVocab vocab = CharVocab.ofChars(string(side, "vocab"));
                    CharMlp m = model(vocab.size(), block, emb, hidden, c);
                    String source = side.has("corpus") ? " on " + side.get("corpus").getAsString() : "";
                    yield new NamesChat(m, vocab, describe("Part 1 names model" + source, m, side));
                }
                case "shakespeare" -> {
                    String codec = string(side, "codec");
                    if (!codec.startsWith("chars:")) {
                        throw new IllegalArgumentException("its tokenizer is '" + codec + "', not a character vocabulary");
                    }
                    TokenCodec tc = TokenCodec.of(CharVocab.ofChars(codec.substring("chars:".length())), ' ');
                    CharMlp m = model(tc.vocabSize(), block, emb, hidden, c);
                    yield new TextChat(id, m, tc, "characters", SHAKESPEARE_LENGTH,
                            describe("Part 2 character model on Tiny Shakespeare", m, side));
                }
                default -> {
                    BpeCodec tc = bpeCodec(string(side, "codec"), workspace, corpora, train);
                    CharMlp m = model(tc.vocabSize(), block, emb, hidden, c);
                    yield new TextChat(id, m, tc, "tokens", BPE_LENGTH, describe("Part 3 model on "
                            + tc.vocabSize() + " BPE tokens of Tiny Shakespeare", m, side));
                }
            };
        } catch (ChatLoadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ChatLoadException("cannot load the " + id + " model from " + ck + ": " + e.getMessage()
                    + ". Run `" + train + " --restart` to train it again from scratch; that replaces the checkpoint", e);
        }
    }

    private static CharMlp model(int vocab, int block, int emb, int hidden, Checkpoint.Loaded c) {
        CharMlp m = new CharMlp(vocab, block, emb, hidden, new Rng(0)); // the initial values are overwritten
        m.load(c.params());
        return m;
    }

    /** The workspace's BPE tokenizer, if it is the one the model was trained with (learned again if it is gone). */
    private static BpeCodec bpeCodec(String fingerprint, Path workspace, Corpora corpora, String train) {
        Path file = ShakespeareTokenizer.cacheFile(workspace);
        BpeTokenizer tok = null;
        if (Files.isRegularFile(file)) {
            try {
                tok = BpeFile.load(file);
            } catch (IOException | RuntimeException e) {
                tok = null; // damaged: learn it again below
            }
        }
        if (tok == null && corpora != null) {
            // Learning is deterministic, so this gives back the tokenizer the model was trained with.
            tok = ShakespeareTokenizer.load(workspace, corpora, null).tokenizer();
        }
        if (tok == null) {
            throw new ChatLoadException("the bpe model needs its tokenizer " + file + ", which is missing: run `"
                    + train + "` to learn it again");
        }
        BpeCodec codec = new BpeCodec(tok);
        if (!codec.fingerprint().equals(fingerprint)) {
            throw new ChatLoadException("the bpe model was trained with another tokenizer than " + file
                    + ": run `" + train + " --restart` to train the model with this one");
        }
        return codec;
    }

    /** "Part 1 names model: 17,651 parameters, trained 1,240 steps, val loss 2.1375". */
    static String describe(String what, CharMlp m, JsonObject side) {
        StringBuilder sb = new StringBuilder(what).append(String.format(Locale.ROOT, ": %,d parameters",
                m.parameterCount()));
        if (side.has("step")) {
            long step = side.get("step").getAsLong();
            long total = side.has("totalSteps") ? side.get("totalSteps").getAsLong() : step;
            sb.append(step < total
                    ? String.format(Locale.ROOT, ", trained %,d of %,d steps (the run stopped early)", step, total)
                    : String.format(Locale.ROOT, ", trained %,d steps", step));
        }
        JsonElement val = side.get("valLoss");
        if (val != null && val.isJsonPrimitive() && val.getAsJsonPrimitive().isNumber()
                && Double.isFinite(val.getAsDouble())) {
            sb.append(String.format(Locale.ROOT, ", val loss %.4f", val.getAsDouble()));
        }
        return sb.toString();
    }

    private static Number number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("its sidecar has no number '" + key + "'");
        }
        return e.getAsNumber();
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) throw new IllegalArgumentException("its sidecar has no '" + key + "'");
        return e.getAsString();
    }
}
