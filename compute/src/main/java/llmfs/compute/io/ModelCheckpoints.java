package llmfs.compute.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import llmfs.compute.Rng;
import llmfs.compute.nn.CharMlp;
import llmfs.compute.nn.Gpt;
import llmfs.compute.nn.Module;

import java.nio.file.Path;
import java.util.Map;

/**
 * Checkpoint → model, in one place: reads the sidecar's {@code model} and {@code config}, builds a {@link CharMlp} or
 * a {@link Gpt} of that shape and loads the weights. The model comes back in evaluation mode (no dropout).
 */
public final class ModelCheckpoints {
    private ModelCheckpoints() {}

    /** A rebuilt model with the sidecar it came with (vocabulary, codec, step, losses). */
    public record Restored(Module model, JsonObject sidecar) {
        /** The model as a GPT. @throws CheckpointException when it is another kind */
        public Gpt gpt() {
            if (model instanceof Gpt g) return g;
            throw new CheckpointException("this checkpoint holds a " + model.getClass().getSimpleName()
                    + ", not a GPT");
        }

        /** The model as Parts 1–3's MLP. @throws CheckpointException when it is another kind */
        public CharMlp mlp() {
            if (model instanceof CharMlp m) return m;
            throw new CheckpointException("this checkpoint holds a " + model.getClass().getSimpleName()
                    + ", not an MLP");
        }
    }

    /** Loads {@code tensors} and rebuilds its model. */
    public static Restored load(Path tensors) {
        return rebuild(Checkpoint.load(tensors));
    }

    /** Rebuilds the model of an already loaded checkpoint. */
    public static Restored rebuild(Checkpoint.Loaded c) {
        JsonObject side = c.sidecar();
        String kind = side.has("model") ? side.get("model").getAsString() : "CharMlp";
        JsonObject cfg = side.getAsJsonObject("config");
        if (cfg == null) throw new CheckpointException("its sidecar has no model settings ('config')");
        Module m = switch (kind) {
            case "CharMlp" -> mlp(cfg, c.params());
            case "Gpt" -> new Gpt(gptConfig(cfg), new Rng(0)); // the initial values are overwritten below
            default -> throw new CheckpointException("its sidecar names an unknown model '" + kind + "'");
        };
        try {
            m.load(c.params());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("its weights do not fit the settings in its sidecar: " + e.getMessage(), e);
        }
        m.train(false);
        return new Restored(m, side);
    }

    /** The GPT shape a sidecar's {@code config} describes. */
    public static Gpt.Config gptConfig(JsonObject cfg) {
        return new Gpt.Config(integer(cfg, "vocab"), integer(cfg, "dim"), integer(cfg, "heads"),
                integer(cfg, "layers"), integer(cfg, "context"),
                cfg.has("dropout") ? cfg.get("dropout").getAsFloat() : 0f);
    }

    private static CharMlp mlp(JsonObject cfg, Map<String, float[]> params) {
        int emb = integer(cfg, "embDim");
        float[] table = params.get("emb.weight");
        if (table == null || table.length % emb != 0) {
            throw new CheckpointException("it has no embedding table of width " + emb);
        }
        // The vocabulary size is the embedding table's row count, whatever tokenizer produced it.
        return new CharMlp(table.length / emb, integer(cfg, "block"), emb, integer(cfg, "hidden"), new Rng(0));
    }

    private static int integer(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new CheckpointException("its sidecar has no number '" + key + "'");
        }
        return e.getAsInt();
    }
}
