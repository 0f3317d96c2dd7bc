package llmfs.compute.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import llmfs.compute.io.CheckpointException;

import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * The side information every lab checkpoint carries (which model and task, how far it got, its last losses), and
 * the check that a checkpoint being resumed was trained with the settings of the run resuming it.
 */
final class CheckpointInfo {
    private CheckpointInfo() {}

    /** The fields every lab writes: model, task, step, totalSteps, trainLoss, valLoss; a lab adds its own. */
    static JsonObject of(String model, String task, long step, long totalSteps, float trainLoss, float valLoss) {
        JsonObject info = new JsonObject();
        info.addProperty("model", model);
        info.addProperty("task", task);
        info.addProperty("step", step);
        info.addProperty("totalSteps", totalSteps);
        info.addProperty("trainLoss", trainLoss);
        info.addProperty("valLoss", valLoss);
        return info;
    }

    /**
     * @throws CheckpointException naming the first of {@code keys} whose value in the checkpoint's settings
     *                             ({@code saved}, possibly null) differs from this run's ({@code want})
     */
    static void requireSameSettings(Path checkpoint, JsonObject saved, JsonObject want, String... keys) {
        for (String k : keys) {
            if (saved == null || !saved.has(k) || !same(saved.get(k), want.get(k))) {
                throw new CheckpointException("checkpoint " + checkpoint + " was trained with different settings ("
                        + k + " = " + (saved == null ? "?" : saved.get(k)) + ", now " + want.get(k)
                        + "); start fresh with --restart, or use the same settings");
            }
        }
    }

    /**
     * Equal settings. Whole numbers compare exactly (seeds); fractions compare as floats, because a float written
     * to JSON reads back as a longer decimal.
     */
    static boolean same(JsonElement a, JsonElement b) {
        if (a == null || b == null) return a == b;
        if (a.isJsonPrimitive() && b.isJsonPrimitive() && a.getAsJsonPrimitive().isNumber()
                && b.getAsJsonPrimitive().isNumber()) {
            BigDecimal x = a.getAsBigDecimal(), y = b.getAsBigDecimal();
            if (x.compareTo(y) == 0) return true;
            boolean whole = x.stripTrailingZeros().scale() <= 0 && y.stripTrailingZeros().scale() <= 0;
            return !whole && a.getAsFloat() == b.getAsFloat();
        }
        return a.equals(b);
    }
}
