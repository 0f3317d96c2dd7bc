package llmfs.tutor.lab;

import llmfs.compute.Rng;
import llmfs.compute.io.CheckpointException;
import llmfs.compute.io.ModelCheckpoints;
import llmfs.compute.nn.Gpt;
import llmfs.compute.text.CourseVocab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Part 4's trained GPT as the starting point of instruction tuning: loaded from the Part 4 lab's checkpoint, its
 * vocabulary grown to the course's full one ({@link Gpt#withVocab}) if it knew only Shakespeare's 65 characters, and
 * given the context Part 5 needs (positions are fixed sinusoids, not weights, so the context can grow).
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
        ModelCheckpoints.Restored r;
        Gpt p4;
        try {
            r = ModelCheckpoints.load(ck);
            p4 = r.gpt();
        } catch (CheckpointException e) {
            throw new IllegalArgumentException("cannot load Part 4's model from " + ck + ": " + e.getMessage(), e);
        }
        int full = CourseVocab.full().size(), old = p4.cfg.vocab();
        if (old > full) {
            throw new IllegalArgumentException("Part 4's model has " + old + " token ids, more than the course"
                    + " vocabulary's " + full + "; it cannot be instruction-tuned with the course template");
        }
        Gpt grown = p4.withVocab(full, new Rng(seed));
        Gpt model = new Gpt(grown.cfg.withContext(context), new Rng(seed));
        Map<String, float[]> values = new LinkedHashMap<>();
        grown.namedParameters().forEach((n, t) -> values.put(n, t.toArray()));
        model.load(values);
        String note = String.format(Locale.ROOT, "Starts from Part 4's model (checkpoints/%s, trained %s steps%s)",
                ck.getFileName(), r.sidecar().has("step") ? r.sidecar().get("step") : "?",
                old < full ? String.format(Locale.ROOT, "; its %d-id vocabulary grown to %d, the new ids"
                        + " initialised fresh", old, full) : "");
        return new Loaded(model, note);
    }
}
