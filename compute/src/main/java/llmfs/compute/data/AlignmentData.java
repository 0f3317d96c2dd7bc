package llmfs.compute.data;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import llmfs.compute.text.CourseVocab;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loads Parts 5 and 6's data from the verified corpora: {@value #INSTRUCTIONS} (question/answer pairs) and
 * {@value #PREFERENCES} (prompt, chosen, rejected). Every text is checked to use only {@link CourseVocab#full()}'s
 * characters other than the end marker (which the template adds), so a model with the course vocabulary can read it.
 */
public final class AlignmentData {
    public static final String INSTRUCTIONS = "instructions.jsonl";
    public static final String PREFERENCES = "preferences.jsonl";
    /** The split field's two values. */
    public static final String TRAIN = "train", HELD_OUT = "heldout";
    /** The instruction set's categories, in report order. */
    public static final List<String> CATEGORIES = List.of("capitals", "arithmetic", "definitions", "programming", "ml");

    private AlignmentData() {}

    public static List<InstructionPair> instructions(Corpora corpora) {
        List<InstructionPair> out = new ArrayList<>();
        List<String> lines = corpora.lines(INSTRUCTIONS);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            JsonObject o = object(INSTRUCTIONS, i, lines.get(i));
            String cat = field(o, "category", INSTRUCTIONS, i);
            if (!CATEGORIES.contains(cat)) {
                throw new CorpusException(INSTRUCTIONS, INSTRUCTIONS + " line " + (i + 1) + ": unknown category '"
                        + cat + "' (expected one of " + CATEGORIES + ")");
            }
            out.add(new InstructionPair(field(o, "id", INSTRUCTIONS, i), cat,
                    text(o, "instruction", INSTRUCTIONS, i), text(o, "response", INSTRUCTIONS, i),
                    heldOut(o, INSTRUCTIONS, i)));
        }
        return out;
    }

    public static List<PreferenceTriplet> preferences(Corpora corpora) {
        List<PreferenceTriplet> out = new ArrayList<>();
        List<String> lines = corpora.lines(PREFERENCES);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            JsonObject o = object(PREFERENCES, i, lines.get(i));
            out.add(new PreferenceTriplet(field(o, "id", PREFERENCES, i), field(o, "flaw", PREFERENCES, i),
                    text(o, "prompt", PREFERENCES, i), text(o, "chosen", PREFERENCES, i),
                    text(o, "rejected", PREFERENCES, i), heldOut(o, PREFERENCES, i)));
        }
        return out;
    }

    private static JsonObject object(String file, int line, String text) {
        try {
            JsonElement e = JsonParser.parseString(text);
            if (e.isJsonObject()) return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new CorpusException(file, file + " line " + (line + 1) + " is not valid JSON: " + e.getMessage(), e);
        }
        throw new CorpusException(file, file + " line " + (line + 1) + " is not a JSON object");
    }

    private static String field(JsonObject o, String name, String file, int line) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive()) {
            throw new CorpusException(file, file + " line " + (line + 1) + " has no string field '" + name + "'");
        }
        return e.getAsString();
    }

    private static String text(JsonObject o, String name, String file, int line) {
        String s = field(o, name, file, line);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == CourseVocab.END || !CourseVocab.full().contains(c)) {
                throw new CorpusException(file, file + " line " + (line + 1) + ", field '" + name + "': character "
                        + String.format("U+%04X", (int) c) + " is not in the course vocabulary");
            }
        }
        if (s.isEmpty()) throw new CorpusException(file, file + " line " + (line + 1) + ": '" + name + "' is empty");
        return s;
    }

    private static boolean heldOut(JsonObject o, String file, int line) {
        String split = field(o, "split", file, line);
        if (!Set.of(TRAIN, HELD_OUT).contains(split)) {
            throw new CorpusException(file, file + " line " + (line + 1) + ": split '" + split + "' is neither '"
                    + TRAIN + "' nor '" + HELD_OUT + "'");
        }
        return split.equals(HELD_OUT);
    }
}
