package llmfs.tutor.lab;

import com.google.gson.JsonObject;
import llmfs.compute.Rng;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.io.CheckpointException;
import llmfs.compute.nn.Gpt;
import llmfs.compute.text.CourseVocab;
import llmfs.compute.train.GptConfigJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Part 4's trained GPT as the starting point of instruction tuning: loaded from the Part 4 lab's checkpoint, with
 * the context Part 5 needs (positions are fixed sinusoids, not weights, so the context can grow) and the vocabulary
 * grown to the course's full one if Part 4 used only Shakespeare's 65 characters.
 */
final class Part4Model {
    private Part4Model() {}

    record Loaded(Gpt model, String note) {}

    static Loaded load(Path workspace, int context, long seed) {
        Lab part4;
        try {
            part4 = Labs.get("4");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--from gpt needs Part 4's model, but this version of the course has no"
                    + " Part 4 lab; train from scratch (leave out --from)");
        }
        Path ck = part4.checkpoint(null, workspace);
        if (!Files.isRegularFile(ck)) {
            throw new IllegalArgumentException("--from gpt starts from Part 4's model, which is not trained yet: run"
                    + " `tutor train " + part4.id() + "` first (or leave out --from to train from scratch)");
        }
        Checkpoint.Loaded c;
        try {
            c = Checkpoint.load(ck);
        } catch (CheckpointException e) {
            throw new IllegalArgumentException("cannot load Part 4's model: " + e.getMessage(), e);
        }
        JsonObject side = c.sidecar();
        Gpt.Config p4 = GptConfigJson.fromJson(side.getAsJsonObject("config"));
        int full = CourseVocab.full().size();
        if (p4.vocab() > full) {
            throw new IllegalArgumentException("Part 4's model has " + p4.vocab() + " token ids, more than the course"
                    + " vocabulary's " + full + "; it cannot be instruction-tuned with the course template");
        }
        Gpt model = new Gpt(new Gpt.Config(full, p4.dim(), p4.heads(), p4.layers(), context, p4.dropout()),
                new Rng(seed));
        model.load(grow(c.params(), model, p4.vocab()));
        String note = String.format(Locale.ROOT, "Starts from Part 4's model (%s, trained %s steps%s)",
                Path.of("checkpoints").resolve(ck.getFileName()), side.has("step") ? side.get("step") : "?",
                p4.vocab() < full ? String.format(Locale.ROOT, "; its %d-id vocabulary grown to %d, the new ids"
                        + " initialised fresh", p4.vocab(), full) : "");
        return new Loaded(model, note);
    }

    /**
     * Part 4's parameters shaped for {@code target}: the token table and the output layer get rows (columns) for the
     * ids Part 4 did not have, taken from {@code target}'s own fresh initialisation; everything else is copied.
     */
    static Map<String, float[]> grow(Map<String, float[]> params, Gpt target, int oldVocab) {
        int v = target.cfg.vocab(), d = target.cfg.dim();
        Map<String, float[]> out = new LinkedHashMap<>(params);
        if (oldVocab == v) return out;
        float[] emb = target.tokens.weight.toArray();
        System.arraycopy(params.get("tokens.weight"), 0, emb, 0, oldVocab * d);
        out.put("tokens.weight", emb);
        float[] head = target.head.weight.toArray(); // [d, v]
        float[] old = params.get("head.weight");     // [d, oldVocab]
        for (int r = 0; r < d; r++) System.arraycopy(old, r * oldVocab, head, r * v, oldVocab);
        out.put("head.weight", head);
        float[] bias = target.head.bias.toArray();
        System.arraycopy(params.get("head.bias"), 0, bias, 0, oldVocab);
        out.put("head.bias", bias);
        return out;
    }
}
