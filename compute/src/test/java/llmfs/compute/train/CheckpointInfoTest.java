package llmfs.compute.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import llmfs.compute.io.CheckpointException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointInfoTest {

    @Test
    void aFloatSettingEqualsItselfAfterAJsonRoundTrip() {
        JsonObject want = new JsonObject();
        want.addProperty("dropout", 0.1f);
        JsonObject saved = JsonParser.parseString(want.toString()).getAsJsonObject();
        saved.addProperty("dropout", Double.parseDouble("0.10000000149011612")); // how a float reads back as double
        assertTrue(CheckpointInfo.same(saved.get("dropout"), want.get("dropout")));
        assertFalse(CheckpointInfo.same(new JsonPrimitive(0.2f), want.get("dropout")));
    }

    @Test
    void wholeNumbersCompareExactlyEvenWhereFloatsCannotTellThemApart() {
        long a = 1_234_567_891L, b = 1_234_567_892L; // the same float
        assertTrue((float) a == (float) b);
        assertFalse(CheckpointInfo.same(new JsonPrimitive(a), new JsonPrimitive(b)));
        assertTrue(CheckpointInfo.same(new JsonPrimitive(a), new JsonPrimitive(a)));
        assertTrue(CheckpointInfo.same(new JsonPrimitive("cosine"), new JsonPrimitive("cosine")));
        assertFalse(CheckpointInfo.same(new JsonPrimitive("cosine"), new JsonPrimitive("constant")));
    }

    @Test
    void aDifferentSettingIsNamedWithBothValues() {
        JsonObject saved = new JsonObject(), want = new JsonObject();
        saved.addProperty("dim", 128);
        saved.addProperty("heads", 4);
        want.addProperty("dim", 128);
        want.addProperty("heads", 8);
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> CheckpointInfo.requireSameSettings(Path.of("gpt.safetensors"), saved, want, "dim", "heads"));
        assertTrue(e.getMessage().contains("heads = 4, now 8") && e.getMessage().contains("--restart"),
                e.getMessage());
        assertDoesNotThrow(() -> CheckpointInfo.requireSameSettings(Path.of("x"), saved, want, "dim"));
        assertThrows(CheckpointException.class,
                () -> CheckpointInfo.requireSameSettings(Path.of("x"), null, want, "dim"));
    }
}
