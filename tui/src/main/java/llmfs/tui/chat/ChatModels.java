package llmfs.tui.chat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import llmfs.compute.data.Corpora;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.io.CheckpointException;
import llmfs.compute.io.ModelCheckpoints;
import llmfs.compute.nn.CharMlp;
import llmfs.compute.nn.Gpt;
import llmfs.compute.nn.Module;
import llmfs.compute.text.CourseVocab;
import llmfs.compute.text.BpeFile;
import llmfs.compute.text.BpeTokenizer;
import llmfs.compute.text.CharVocab;
import llmfs.compute.text.TokenCodec;
import llmfs.tutor.code.CodeJudge;
import llmfs.tutor.lab.BpeCodec;
import llmfs.tutor.lab.CodeLab;
import llmfs.tutor.lab.CodeModels;
import llmfs.tutor.lab.Lab;
import llmfs.tutor.lab.Labs;
import llmfs.tutor.lab.ShakespeareTokenizer;
import llmfs.tutor.lab.TextLabs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads a lab's trained model for a chat. The compute layer rebuilds the model from the checkpoint and its sidecar
 * ({@link ModelCheckpoints}); the sidecar's vocabulary or codec decides the chat. Only the BPE model also needs the
 * workspace's tokenizer file, which its fingerprint must match.
 */
public final class ChatModels {
    private ChatModels() {}

    /** Characters a character model's answer runs to unless {@code :len} says otherwise. */
    public static final int SHAKESPEARE_LENGTH = TextLabs.CHARACTER_ANSWER;
    /** Tokens a Part 3 answer runs to (about 300 characters). */
    public static final int BPE_LENGTH = TextLabs.BPE_ANSWER;

    /** Whether lab {@code lab} has a saved model in {@code workspace} (its default variant). */
    public static boolean trained(String lab, Path workspace) {
        return Files.isRegularFile(Labs.checkpoint(lab, null, workspace));
    }

    /**
     * The trained model of lab {@code lab}. Which kind of chat it gets follows from the checkpoint's sidecar, not
     * from the lab's name: a names vocabulary gives the names chat, a character or BPE codec the text chat.
     *
     * @param variant   the lab's variant (the names corpus: {@code indian}, {@code english}); null for the default
     * @param corpora   used only when the BPE tokenizer file is missing and has to be learned again; may be null
     * @throws IllegalArgumentException for an unknown lab or variant (the message lists the known ones)
     * @throws ChatLoadException        when the model was not trained yet or its checkpoint cannot be used
     */
    public static ChatModel load(String lab, String variant, Path workspace, Corpora corpora) {
        Lab spec = Labs.get(lab);
        String id = spec.id();
        if (spec instanceof CodeLab) return code(variant, workspace, corpora);
        Path ck = spec.checkpoint(variant, workspace);
        String train = "tutor train " + id + (variant == null ? "" : " " + variantFlag(spec) + " "
                + variant.toLowerCase(Locale.ROOT));
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
            String part = "Part " + spec.part();
            ModelCheckpoints.Restored r = ModelCheckpoints.rebuild(c);
            String task = side.has("task") ? side.get("task").getAsString() : "";
            if (task.equals("sft") || task.equals("dpo")) {
                Gpt g = r.gpt();
                String other = task.equals("sft") ? "dpo" : "sft";
                InstructChat.Partner partner = new InstructChat.Partner(other, () -> {
                    if (!trained(other, workspace)) {
                        throw new IllegalArgumentException(":compare needs the " + other + " model too: run `tutor"
                                + " train " + other + "` first");
                    }
                    try {
                        if (load(other, null, workspace, corpora) instanceof InstructChat ic) return ic;
                        throw new IllegalArgumentException("the " + other + " checkpoint holds no instruction model;"
                                + " run `tutor train " + other + " --restart`");
                    } catch (ChatLoadException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                });
                String what = task.equals("sft") ? " instruction-tuned GPT" : " DPO-aligned GPT";
                return new InstructChat(id, g, describe(part + what, g, side), partner);
            }
            if (r.model() instanceof Gpt g) {
                TokenCodec tc = characters(string(side, "codec"));
                CharVocab v = CharVocab.ofChars(string(side, "codec").substring("chars:".length()));
                int stop = v.contains(CourseVocab.END) ? v.id(CourseVocab.END) : -1;
                return new TextChat(id, g, tc, "characters", SHAKESPEARE_LENGTH, describe(part + " GPT ("
                        + g.cfg.layers() + " layers, " + g.cfg.heads() + " heads, width " + g.cfg.dim() + ", context "
                        + g.cfg.context() + ")", g, side), stop);
            }
            CharMlp m = r.mlp();
            if (side.has("vocab")) {
                CharVocab vocab = CharVocab.ofChars(string(side, "vocab"));
                String source = side.has("corpus") ? " on " + side.get("corpus").getAsString() : "";
                return new NamesChat(m, vocab, describe(part + " names model" + source, m, side));
            }
            String codec = string(side, "codec");
            if (codec.startsWith("chars:")) {
                return new TextChat(id, m, characters(codec), "characters", SHAKESPEARE_LENGTH,
                        describe(part + " character model on Tiny Shakespeare", m, side));
            }
            BpeCodec tc = bpeCodec(codec, workspace, corpora, train);
            return new TextChat(id, m, tc, "tokens", BPE_LENGTH, describe(part + " model on "
                    + tc.vocabSize() + " BPE tokens of Tiny Shakespeare", m, side));
        } catch (ChatLoadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ChatLoadException("cannot load the " + id + " model from " + ck + ": " + e.getMessage()
                    + ". Run `" + train + " --restart` to train it again from scratch; that replaces the checkpoint", e);
        }
    }

    /** Part 7's model: its own loader knows the tokenizer; {@code :test} gets a judge on first use. */
    private static ChatModel code(String variant, Path workspace, Corpora corpora) {
        if (corpora == null) throw new ChatLoadException("the code model needs the corpora folder for its tests");
        try {
            CodeModels.Loaded m = CodeModels.load(variant, workspace, corpora);
            return new CodeChat(CodeChat.Writer.of(m.sampler()), m.corpus(), () -> new CodeJudge(CodeJudge.DEFAULT_TIMEOUT_MS),
                    m.description());
        } catch (IllegalStateException e) {
            throw new ChatLoadException(e.getMessage(), e);
        }
    }

    /** The option that picks a variant of {@code lab} ({@code --corpus} for names, {@code --config} for gpt). */
    static String variantFlag(Lab lab) {
        return lab.options().contains(Lab.Opt.CONFIG) ? "--config" : "--corpus";
    }

    /** A character vocabulary from a sidecar's codec fingerprint ("chars:" and the characters in id order). */
    private static TokenCodec characters(String codec) {
        if (!codec.startsWith("chars:")) {
            throw new IllegalArgumentException("its tokenizer is '" + codec + "', not a character vocabulary");
        }
        return TokenCodec.of(CharVocab.ofChars(codec.substring("chars:".length())), ' ');
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
    static String describe(String what, Module m, JsonObject side) {
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

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) throw new IllegalArgumentException("its sidecar has no '" + key + "'");
        return e.getAsString();
    }
}
