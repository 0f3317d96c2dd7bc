package llmfs.compute.train;

import com.google.gson.JsonObject;
import llmfs.compute.nn.Gpt;

/**
 * A GPT's shape as a checkpoint sidecar's {@code config} (the keys {@link llmfs.compute.io.ModelCheckpoints#gptConfig}
 * reads back), for the tasks that tune a GPT built elsewhere (Parts 5 and 6).
 */
public final class GptConfigJson {
    private GptConfigJson() {}

    public static JsonObject toJson(Gpt.Config c) {
        JsonObject o = new JsonObject();
        o.addProperty("vocab", c.vocab());
        o.addProperty("dim", c.dim());
        o.addProperty("heads", c.heads());
        o.addProperty("layers", c.layers());
        o.addProperty("context", c.context());
        o.addProperty("dropout", c.dropout());
        return o;
    }
}
