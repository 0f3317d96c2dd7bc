package llmfs.tutor.check;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages between the tutor and its check process, JSON objects sent over the {@link SealedChannel} (never
 * on the child's stdout or stderr, which only learner-free diagnostics reach).
 *
 * <pre>
 * parent → child   the channel key, as one hex line on the child's stdin (before anything else)
 * child  → parent  {"type":"ready"}                              once, after start-up
 * parent → child   {"type":"check","requestId":…,"checkClass":…,"sourceFile":…,"seed":…,"timeoutMs":…,"wallMs":…,"classes":{name: base64}}
 * child  → parent  {"type":"result","requestId":…,"checkClass":…,"sourceFile":…,"kind":…,"headline":…,…,"discard":false}
 * child  → parent  {"type":"exit","frame":…}                     from a shutdown hook when learner code exits
 * parent → child   {"type":"quit"}
 * </pre>
 * A result counts only if it names the request, check class and file the tutor asked about.
 */
final class Protocol {
    static final String READY = "ready";
    static final String CHECK = "check";
    static final String RESULT = "result";
    static final String EXIT = "exit";
    static final String QUIT = "quit";

    private Protocol() {
    }

    static JsonObject message(String type) {
        JsonObject o = new JsonObject();
        o.addProperty("type", type);
        return o;
    }

    /** The message type, or null when the line is not a protocol message. */
    static String type(JsonObject message) {
        JsonElement t = message.get("type");
        return t != null && t.isJsonPrimitive() ? t.getAsString() : null;
    }

    /** Parses one line; null for anything that is not a JSON object with a "type". */
    static JsonObject decode(String line) {
        if (line == null) return null;
        String s = line.strip();
        if (!s.startsWith("{")) return null;
        try {
            JsonElement e = JsonParser.parseString(s);
            if (!e.isJsonObject() || type(e.getAsJsonObject()) == null) return null;
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            return null;
        }
    }

    /** The message as one line of JSON (strings are escaped, so it never contains a line break). */
    static String encode(JsonObject message) {
        return message.toString();
    }

    /** A check request with the wall-clock backstop {@link CheckRunner.Options#wallMs(long)} gives it. */
    static JsonObject checkRequest(CheckRequest r, String requestId, long wallMs) {
        JsonObject o = checkRequest(r, requestId);
        o.addProperty("wallMs", wallMs);
        return o;
    }

    static JsonObject checkRequest(CheckRequest r, String requestId) {
        JsonObject o = message(CHECK);
        o.addProperty("requestId", requestId);
        o.addProperty("checkClass", r.checkClass());
        o.addProperty("sourceFile", r.sourceFile());
        o.addProperty("seed", r.seed());
        o.addProperty("timeoutMs", r.timeoutMs());
        JsonObject classes = new JsonObject();
        Base64.Encoder b64 = Base64.getEncoder();
        r.classes().forEach((name, bytes) -> classes.addProperty(name, b64.encodeToString(bytes)));
        o.add("classes", classes);
        return o;
    }

    static CheckRequest readCheckRequest(JsonObject o) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Base64.Decoder b64 = Base64.getDecoder();
        for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("classes").entrySet()) {
            classes.put(e.getKey(), b64.decode(e.getValue().getAsString()));
        }
        return new CheckRequest(o.get("checkClass").getAsString(), o.get("sourceFile").getAsString(), classes,
                o.get("seed").getAsLong(), o.get("timeoutMs").getAsLong());
    }

    /**
     * A check request's wall-clock backstop in ms: its {@code wallMs}, or the default for its time limit when the
     * request has none.
     */
    static long wallMs(JsonObject request, long timeoutMs) {
        JsonElement e = request.get("wallMs");
        long ms = e != null && e.isJsonPrimitive() ? e.getAsLong() : CheckRunner.Options.defaultWallMs(timeoutMs);
        return Math.max(ms, timeoutMs);
    }

    /** The id of a check request or result, or null. */
    static String requestId(JsonObject o) {
        return text(o, "requestId");
    }

    /** Whether {@code result} answers {@code request}: same id, check class and file. */
    static boolean answers(JsonObject result, String requestId, CheckRequest request) {
        return requestId.equals(text(result, "requestId")) && request.checkClass().equals(text(result, "checkClass"))
                && request.sourceFile().equals(text(result, "sourceFile"));
    }

    static JsonObject result(Verdict v, boolean discard, String requestId, CheckRequest request) {
        JsonObject o = result(v, discard);
        o.addProperty("requestId", requestId);
        o.addProperty("checkClass", request.checkClass());
        o.addProperty("sourceFile", request.sourceFile());
        return o;
    }

    static JsonObject result(Verdict v, boolean discard) {
        JsonObject o = message(RESULT);
        o.addProperty("kind", v.kind().name());
        o.addProperty("headline", v.headline());
        o.addProperty("details", v.details());
        if (v.likelyBug() != null) o.addProperty("likelyBug", v.likelyBug());
        if (v.maxError() != null) {
            double m = v.maxError();
            // JSON has no NaN or infinity: send those as text.
            if (Double.isFinite(m)) o.addProperty("maxError", m);
            else o.addProperty("maxError", Double.toString(m));
        }
        if (v.firstDiff() != null) o.addProperty("firstDiff", v.firstDiff());
        o.addProperty("output", v.learnerOutput());
        o.addProperty("millis", v.millis());
        o.addProperty("seed", v.seed());
        o.addProperty("discard", discard);
        return o;
    }

    static Verdict readResult(JsonObject o) {
        Verdict.Kind kind;
        try {
            kind = Verdict.Kind.valueOf(o.get("kind").getAsString());
        } catch (RuntimeException e) {
            kind = Verdict.Kind.INTERNAL;
        }
        return new Verdict(kind, text(o, "headline"), text(o, "details"), text(o, "likelyBug"),
                o.has("maxError") ? Double.valueOf(o.get("maxError").getAsString()) : null,
                text(o, "firstDiff"), text(o, "output"),
                o.has("millis") ? o.get("millis").getAsLong() : 0, o.has("seed") ? o.get("seed").getAsLong() : 0);
    }

    static boolean discard(JsonObject result) {
        return result.has("discard") && result.get("discard").getAsBoolean();
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
    }
}
