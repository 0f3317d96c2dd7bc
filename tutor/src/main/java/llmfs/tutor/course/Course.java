package llmfs.tutor.course;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The whole course as described by {@code exercises/course.json}: parts, lessons, exercises and labs.
 *
 * <p>{@link #load(Path)} parses and validates the file; every problem found is reported at once in a
 * {@link CourseException} whose lines name the entry at fault. A loaded course is immutable.
 *
 * <p>The file format (paths are relative to {@code exercises/}):
 * <pre>{@code
 * { "title": "...",
 *   "parts": [
 *     { "id": 1, "title": "...", "summary": "...",
 *       "lessons":   [ { "id": "1-1", "title": "...", "file": "lessons/part1/01-next-char.md" } ],
 *       "exercises": [ { "id": "1.1", "title": "...", "file": "part1/Vocabulary.java",
 *                        "check": "llmfs.tutor.checks.part1.VocabularyCheck", "timeoutMs": 5000,
 *                        "hints": ["...", "..."], "afterLesson": "1-1" } ],
 *       "lab": { "id": "names", "title": "...", "command": "names" } } ] }
 * }</pre>
 */
public final class Course {
    /** The course file's name inside {@code exercises/}. */
    public static final String FILE_NAME = "course.json";

    private static final Pattern EXERCISE_ID = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final Pattern CLASS_NAME =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    private final String title;
    private final Path exercisesDir;
    private final List<Part> parts;
    private final List<Exercise> exercises;
    private final Map<String, Exercise> exercisesById;
    private final Map<String, Lesson> lessonsById;

    private Course(String title, Path exercisesDir, List<Part> parts) {
        this.title = title;
        this.exercisesDir = exercisesDir;
        this.parts = List.copyOf(parts);
        this.exercises = parts.stream().flatMap(p -> p.exercises().stream()).collect(Collectors.toUnmodifiableList());
        this.exercisesById = new LinkedHashMap<>();
        this.lessonsById = new LinkedHashMap<>();
        for (Part p : parts) {
            p.exercises().forEach(e -> exercisesById.put(e.id(), e));
            p.lessons().forEach(l -> lessonsById.put(l.id(), l));
        }
    }

    /**
     * Reads and validates {@code exercisesDir/course.json}.
     *
     * @throws CourseException listing every problem (unreadable file, bad JSON, missing fields, duplicate or
     *                         malformed ids, missing files, too few hints, parts out of order, ...)
     */
    public static Course load(Path exercisesDir) {
        Path dir = exercisesDir.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE_NAME);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CourseException(file.toString(), List.of("cannot be read: " + e));
        }
        JsonElement json;
        try {
            json = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            String why = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : e.getMessage();
            throw new CourseException(file.toString(), List.of("is not valid JSON: " + why));
        }
        return new Reader(dir).read(json, file.toString());
    }

    /** The course title. */
    public String title() {
        return title;
    }

    /** The {@code exercises/} folder the course was loaded from. */
    public Path exercisesDir() {
        return exercisesDir;
    }

    /** All parts, in ascending id order. */
    public List<Part> parts() {
        return parts;
    }

    /**
     * The part with this id.
     *
     * @throws IllegalArgumentException naming the valid part ids if there is none
     */
    public Part part(int id) {
        for (Part p : parts) {
            if (p.id() == id) return p;
        }
        throw new IllegalArgumentException("There is no part " + id + ". Parts: "
                + parts.stream().map(p -> String.valueOf(p.id())).collect(Collectors.joining(", ")) + ".");
    }

    /** The part an exercise belongs to. */
    public Part partOf(Exercise e) {
        return part(e.partId());
    }

    /** Every exercise in course order (part by part, in file order within a part). */
    public List<Exercise> exercises() {
        return exercises;
    }

    /**
     * The exercise with this id.
     *
     * @throws IllegalArgumentException listing the valid ids if there is none
     */
    public Exercise exercise(String id) {
        Exercise e = exercisesById.get(id == null ? null : id.trim());
        if (e == null) {
            throw new IllegalArgumentException("There is no exercise \"" + id + "\". Valid exercise ids: "
                    + String.join(", ", exercisesById.keySet()) + ".");
        }
        return e;
    }

    /** The exercise with this id, if any. */
    public Optional<Exercise> findExercise(String id) {
        return Optional.ofNullable(id == null ? null : exercisesById.get(id.trim()));
    }

    /** The exercise after {@code e} in course order, crossing into the next part; empty after the last. */
    public Optional<Exercise> next(Exercise e) {
        int i = exercises.indexOf(e);
        if (i < 0) throw new IllegalArgumentException("exercise " + e.id() + " is not part of this course");
        return i + 1 < exercises.size() ? Optional.of(exercises.get(i + 1)) : Optional.empty();
    }

    /** The exercise before {@code e} in course order; empty for the first. */
    public Optional<Exercise> previous(Exercise e) {
        int i = exercises.indexOf(e);
        if (i < 0) throw new IllegalArgumentException("exercise " + e.id() + " is not part of this course");
        return i > 0 ? Optional.of(exercises.get(i - 1)) : Optional.empty();
    }

    /** The first exercise in course order that {@code done} does not accept; empty if all are done. */
    public Optional<Exercise> firstNotDone(Predicate<Exercise> done) {
        return exercises.stream().filter(done.negate()).findFirst();
    }

    /** The exercises that name {@code lessonId} as their {@code afterLesson}, in course order. */
    public List<Exercise> exercisesAfterLesson(String lessonId) {
        return exercises.stream().filter(e -> lessonId.equals(e.afterLesson())).collect(Collectors.toUnmodifiableList());
    }

    /** Every lesson in course order. */
    public List<Lesson> lessons() {
        return List.copyOf(lessonsById.values());
    }

    /**
     * The lesson with this id.
     *
     * @throws IllegalArgumentException listing the valid ids if there is none
     */
    public Lesson lesson(String id) {
        Lesson l = lessonsById.get(id);
        if (l == null) {
            throw new IllegalArgumentException("There is no lesson \"" + id + "\". Valid lesson ids: "
                    + String.join(", ", lessonsById.keySet()) + ".");
        }
        return l;
    }

    /** Every lab, in part order. */
    public List<LabSpec> labs() {
        return parts.stream().map(Part::lab).filter(l -> l != null).collect(Collectors.toUnmodifiableList());
    }

    /** The lab with this id, if any. */
    public Optional<LabSpec> lab(String id) {
        return labs().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** Turns the JSON tree into a course, collecting problems instead of stopping at the first. */
    private static final class Reader {
        private final Path dir;
        private final List<String> problems = new ArrayList<>();
        private final Set<String> exerciseIds = new HashSet<>();
        private final Set<String> exerciseFiles = new HashSet<>();
        private final Set<String> lessonIds = new HashSet<>();
        private final Set<String> labIds = new HashSet<>();
        private final List<Exercise> pendingAfterLesson = new ArrayList<>();

        Reader(Path dir) {
            this.dir = dir;
        }

        Course read(JsonElement json, String source) {
            if (!json.isJsonObject()) {
                throw new CourseException(source, List.of("the top level must be a JSON object with \"title\" and \"parts\""));
            }
            JsonObject root = json.getAsJsonObject();
            String title = string(root, "title", "the course");
            List<Part> parts = new ArrayList<>();
            JsonArray partsJson = array(root, "parts", "the course");
            if (partsJson != null && partsJson.isEmpty()) {
                problems.add("the course has no parts: \"parts\" is empty");
            }
            if (partsJson != null) {
                int previousId = Integer.MIN_VALUE;
                for (int i = 0; i < partsJson.size(); i++) {
                    Part part = part(partsJson.get(i), i);
                    if (part == null) continue;
                    if (part.id() <= previousId) {
                        problems.add("part " + part.id() + " (\"" + part.title() + "\") comes after part " + previousId
                                + ": part ids must be ascending");
                    }
                    previousId = Math.max(previousId, part.id());
                    parts.add(part);
                }
            }
            for (Exercise e : pendingAfterLesson) {
                if (!lessonIds.contains(e.afterLesson())) {
                    problems.add(describe(e) + ": \"afterLesson\" is \"" + e.afterLesson()
                            + "\", but there is no lesson with that id");
                }
            }
            if (!problems.isEmpty()) {
                throw new CourseException(source, problems);
            }
            return new Course(title, dir, parts);
        }

        private Part part(JsonElement el, int index) {
            String where = "parts[" + index + "]";
            if (!el.isJsonObject()) {
                problems.add(where + " must be an object");
                return null;
            }
            JsonObject o = el.getAsJsonObject();
            Integer id = integer(o, "id", where);
            if (id == null) return null;
            where = "part " + id;
            String title = string(o, "title", where);
            String summary = optionalString(o, "summary", where);

            List<Lesson> lessons = new ArrayList<>();
            JsonArray lessonsJson = optionalArray(o, "lessons", where);
            if (lessonsJson != null) {
                for (int i = 0; i < lessonsJson.size(); i++) {
                    Lesson l = lesson(lessonsJson.get(i), id, where + ", lessons[" + i + "]");
                    if (l != null) lessons.add(l);
                }
            }
            List<Exercise> exercises = new ArrayList<>();
            JsonArray exercisesJson = optionalArray(o, "exercises", where);
            if (exercisesJson != null) {
                for (int i = 0; i < exercisesJson.size(); i++) {
                    Exercise e = exercise(exercisesJson.get(i), id, where + ", exercises[" + i + "]");
                    if (e != null) exercises.add(e);
                }
            }
            LabSpec lab = null;
            if (o.has("lab") && !o.get("lab").isJsonNull()) {
                lab = lab(o.get("lab"), where + ", lab");
            }
            return new Part(id, title == null ? "" : title, summary == null ? "" : summary, lessons, exercises, lab);
        }

        private Lesson lesson(JsonElement el, int partId, String where) {
            if (!el.isJsonObject()) {
                problems.add(where + " must be an object");
                return null;
            }
            JsonObject o = el.getAsJsonObject();
            String id = string(o, "id", where);
            if (id == null) return null;
            where = "lesson \"" + id + "\" (part " + partId + ")";
            if (!lessonIds.add(id)) {
                problems.add(where + ": the id is used by another lesson too; lesson ids must be unique");
            }
            String title = string(o, "title", where);
            String file = string(o, "file", where);
            Path path = null;
            if (file != null) {
                path = existingFile(file, where, "file");
            }
            return new Lesson(id, partId, title == null ? "" : title, file == null ? "" : file,
                    path == null ? dir.resolve(file == null ? "" : file) : path);
        }

        private Exercise exercise(JsonElement el, int partId, String where) {
            if (!el.isJsonObject()) {
                problems.add(where + " must be an object");
                return null;
            }
            JsonObject o = el.getAsJsonObject();
            String id = string(o, "id", where);
            if (id == null) return null;
            String title = string(o, "title", where);
            where = "exercise \"" + id + "\"" + (title == null ? "" : " (\"" + title + "\")");
            Matcher m = EXERCISE_ID.matcher(id);
            if (!m.matches()) {
                problems.add(where + ": the id must have the form PART.N, like \"" + partId + ".1\"");
            } else if (Integer.parseInt(m.group(1)) != partId) {
                problems.add(where + ": it sits in part " + partId + ", so its id must start with \"" + partId + ".\"");
            } else if (Integer.parseInt(m.group(2)) < 1) {
                problems.add(where + ": exercise numbers start at 1");
            }
            if (!exerciseIds.add(id)) {
                problems.add(where + ": the id is used by another exercise too; exercise ids must be unique");
            }
            String file = string(o, "file", where);
            if (file != null) {
                if (!file.endsWith(".java")) {
                    problems.add(where + ": \"file\" must name a .java file, got \"" + file + "\"");
                } else {
                    existingFile(file, where, "file (the template)");
                }
                if (!exerciseFiles.add(Path.of(file).normalize().toString())) {
                    problems.add(where + ": the file " + file + " is used by another exercise too");
                }
            }
            String check = string(o, "check", where);
            if (check != null && !CLASS_NAME.matcher(check).matches()) {
                problems.add(where + ": \"check\" must be a fully qualified class name, got \"" + check + "\"");
            }
            long timeoutMs = Exercise.DEFAULT_TIMEOUT_MS;
            if (o.has("timeoutMs")) {
                Integer t = integer(o, "timeoutMs", where);
                if (t != null && t <= 0) {
                    problems.add(where + ": \"timeoutMs\" must be positive, got " + t);
                } else if (t != null) {
                    timeoutMs = t;
                }
            }
            List<String> hints = new ArrayList<>();
            JsonArray hintsJson = array(o, "hints", where);
            if (hintsJson != null) {
                for (int i = 0; i < hintsJson.size(); i++) {
                    JsonElement h = hintsJson.get(i);
                    if (h.isJsonPrimitive() && h.getAsJsonPrimitive().isString() && !h.getAsString().isBlank()) {
                        hints.add(h.getAsString());
                    } else {
                        problems.add(where + ": hints[" + i + "] must be a non-empty string");
                    }
                }
                if (hints.size() < 2) {
                    problems.add(where + ": has " + hints.size() + (hints.size() == 1 ? " hint" : " hints")
                            + "; every exercise needs at least 2");
                }
            }
            String afterLesson = optionalString(o, "afterLesson", where);
            if (title == null || file == null || check == null) {
                return null;
            }
            Exercise e = new Exercise(id, partId, title, file, check, timeoutMs, hints, afterLesson, dir);
            if (afterLesson != null) pendingAfterLesson.add(e);
            return e;
        }

        private LabSpec lab(JsonElement el, String where) {
            if (!el.isJsonObject()) {
                problems.add(where + " must be an object");
                return null;
            }
            JsonObject o = el.getAsJsonObject();
            String id = string(o, "id", where);
            if (id == null) return null;
            where = "lab \"" + id + "\"";
            if (!labIds.add(id)) {
                problems.add(where + ": the id is used by another lab too; lab ids must be unique");
            }
            if (id.chars().anyMatch(Character::isWhitespace)) {
                problems.add(where + ": lab ids must not contain spaces");
            }
            String title = string(o, "title", where);
            String command = string(o, "command", where);
            if (title == null || command == null) return null;
            return new LabSpec(id, title, command);
        }

        private Path existingFile(String relative, String where, String what) {
            Path p = dir.resolve(relative).normalize();
            if (!p.startsWith(dir)) {
                problems.add(where + ": " + what + " " + relative + " points outside " + dir);
                return null;
            }
            if (!Files.isRegularFile(p)) {
                problems.add(where + ": " + what + " " + relative + " does not exist (looked for " + p + ")");
                return null;
            }
            return p;
        }

        private String describe(Exercise e) {
            return "exercise \"" + e.id() + "\" (\"" + e.title() + "\")";
        }

        private String string(JsonObject o, String key, String where) {
            JsonElement v = o.get(key);
            if (v == null || v.isJsonNull()) {
                problems.add(where + ": \"" + key + "\" is missing");
                return null;
            }
            if (!isString(v) || v.getAsString().isBlank()) {
                problems.add(where + ": \"" + key + "\" must be a non-empty string");
                return null;
            }
            return v.getAsString();
        }

        private String optionalString(JsonObject o, String key, String where) {
            JsonElement v = o.get(key);
            if (v == null || v.isJsonNull()) return null;
            if (!isString(v)) {
                problems.add(where + ": \"" + key + "\" must be a string");
                return null;
            }
            return v.getAsString();
        }

        private Integer integer(JsonObject o, String key, String where) {
            JsonElement v = o.get(key);
            if (v == null || v.isJsonNull()) {
                problems.add(where + ": \"" + key + "\" is missing");
                return null;
            }
            if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
                double d = v.getAsDouble();
                if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                    return (int) d;
                }
            }
            problems.add(where + ": \"" + key + "\" must be a whole number, got " + v);
            return null;
        }

        private JsonArray array(JsonObject o, String key, String where) {
            JsonElement v = o.get(key);
            if (v == null || v.isJsonNull()) {
                problems.add(where + ": \"" + key + "\" is missing");
                return null;
            }
            if (!v.isJsonArray()) {
                problems.add(where + ": \"" + key + "\" must be a list [...]");
                return null;
            }
            return v.getAsJsonArray();
        }

        private JsonArray optionalArray(JsonObject o, String key, String where) {
            JsonElement v = o.get(key);
            if (v == null || v.isJsonNull()) return null;
            if (!v.isJsonArray()) {
                problems.add(where + ": \"" + key + "\" must be a list [...]");
                return null;
            }
            return v.getAsJsonArray();
        }

        private static boolean isString(JsonElement v) {
            return v.isJsonPrimitive() && ((JsonPrimitive) v).isString();
        }
    }
}
