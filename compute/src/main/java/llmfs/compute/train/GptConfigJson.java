package llmfs.compute.train;

import com.google.gson.JsonObject;
import llmfs.compute.nn.Gpt;

/** A GPT's shape in a checkpoint sidecar, and back, so a checkpoint names the model that reads it. */
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

    public static Gpt.Config fromJson(JsonObject o) {
        return new Gpt.Config(o.get("vocab").getAsInt(), o.get("dim").getAsInt(), o.get("heads").getAsInt(),
                o.get("layers").getAsInt(), o.get("context").getAsInt(), o.get("dropout").getAsFloat());
    }
}
