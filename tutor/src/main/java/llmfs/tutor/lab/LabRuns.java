package llmfs.tutor.lab;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import llmfs.compute.io.AtomicFiles;
import llmfs.compute.io.Checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbered runs of one lab, kept so that training again never throws a model away.
 *
 * <p>A lab's current model is {@code checkpoints/NAME.safetensors} with its sidecar {@code NAME.json}. Before a new
 * run replaces it, {@link #keep()} copies both to {@code checkpoints/runs/NAME-N.safetensors} and
 * {@code NAME-N.json} (N = 1, 2, ...). {@link #use(int)} makes a kept run current again (keeping the current one
 * first, so that too can come back). Each sidecar holds the run's settings ({@code config}), its step and final
 * losses, and (added when a run ends) its best validation loss, which is what {@code tutor runs} compares.
 */
public final class LabRuns {
    /** Folder, beside the lab checkpoints, that holds the numbered runs. */
    public static final String FOLDER = "runs";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path current;
    private final Path folder;
    private final String base;
    private final Pattern numbered;

    private LabRuns(Path current) {
        this.current = current;
        this.folder = current.resolveSibling(FOLDER);
        String n = current.getFileName().toString();
        this.base = n.endsWith(".safetensors") ? n.substring(0, n.length() - ".safetensors".length()) : n;
        this.numbered = Pattern.compile(Pattern.quote(base) + "-(\\d{1,6})\\.safetensors");
    }

    /** The runs of the lab whose current checkpoint is {@code checkpoint} (see {@link Labs#checkpoint}). */
    public static LabRuns of(Path checkpoint) {
        return new LabRuns(checkpoint.toAbsolutePath().normalize());
    }

    /**
     * One saved model.
     *
     * @param number  its number, or 0 for the current model
     * @param tensors its tensor file
     * @param sidecar its sidecar (settings, step, losses); empty if it could not be read
     */
    public record Run(int number, Path tensors, JsonObject sidecar) {
        public boolean isCurrent() {
            return number == 0;
        }

        public long step() {
            return (long) num("step").orElse(-1);
        }

        public long totalSteps() {
            return (long) num("totalSteps").orElse(-1);
        }

        public OptionalDouble trainLoss() {
            return num("trainLoss");
        }

        public OptionalDouble valLoss() {
            return num("valLoss");
        }

        /** The lowest validation loss any evaluation of the run saw (the final one for runs saved before it was kept). */
        public OptionalDouble bestValLoss() {
            OptionalDouble b = num("bestValLoss");
            return b.isPresent() ? b : valLoss();
        }

        public OptionalDouble bestValStep() {
            return num("bestValLoss").isPresent() ? num("bestValStep") : OptionalDouble.of(step());
        }

        /** A model setting from the sidecar's config ({@code block}, {@code embDim}, {@code hidden}, {@code seed}...). */
        public Optional<String> setting(String name) {
            JsonElement c = sidecar.get("config");
            if (c == null || !c.isJsonObject() || !c.getAsJsonObject().has(name)) return Optional.empty();
            return Optional.of(c.getAsJsonObject().get(name).getAsString());
        }

        /** The model's sizes as the lab options name them, e.g. "block 5 · emb 8 · hidden 256". */
        public String sizes() {
            return "block " + setting("block").orElse("?") + " · emb " + setting("embDim").orElse("?")
                    + " · hidden " + setting("hidden").orElse("?");
        }

        /** When the model was last saved (the tensor file's time). */
        public Optional<Instant> savedAt() {
            try {
                return Optional.of(Files.getLastModifiedTime(tensors).toInstant());
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        private OptionalDouble num(String k) {
            JsonElement e = sidecar.get(k);
            if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) return OptionalDouble.empty();
            return OptionalDouble.of(e.getAsDouble());
        }

        private String sha() {
            JsonElement e = sidecar.get("tensorsSha256");
            return e == null ? null : e.getAsString();
        }
    }

    /** The current model, if one is saved. */
    public Optional<Run> current() {
        if (!Files.isRegularFile(current)) return Optional.empty();
        return Optional.of(new Run(0, current, readSidecar(current)));
    }

    /** The kept runs, by number. */
    public List<Run> list() {
        List<Run> runs = new ArrayList<>();
        if (!Files.isDirectory(folder)) return runs;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, base + "-*.safetensors")) {
            for (Path f : files) {
                Matcher m = numbered.matcher(f.getFileName().toString());
                if (m.matches()) runs.add(new Run(Integer.parseInt(m.group(1)), f, readSidecar(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        runs.sort(Comparator.comparingInt(Run::number));
        return runs;
    }

    /** Kept run {@code n}, if it exists. */
    public Optional<Run> run(int n) {
        return list().stream().filter(r -> r.number() == n).findFirst();
    }

    /**
     * Keeps the current model as the next numbered run, unless there is none or an identical copy is already kept
     * (same tensor file hash, e.g. after {@link #use}). Returns the run that holds it.
     */
    public Optional<Run> keep() {
        Optional<Run> cur = current();
        if (cur.isEmpty()) return Optional.empty();
        List<Run> runs = list();
        String sha = cur.get().sha();
        if (sha != null) {
            for (Run r : runs) {
                if (sha.equals(r.sha())) return Optional.of(r);
            }
        }
        int n = runs.isEmpty() ? 1 : runs.get(runs.size() - 1).number() + 1;
        Path tensors = folder.resolve(base + "-" + n + ".safetensors");
        copy(current, cur.get().sidecar(), tensors);
        return Optional.of(new Run(n, tensors, readSidecar(tensors)));
    }

    /**
     * Makes kept run {@code n} the current model again; the current one is kept first.
     *
     * @throws IllegalArgumentException when there is no run {@code n} (the message lists the runs there are)
     */
    public Run use(int n) {
        Run r = run(n).orElseThrow(() -> new IllegalArgumentException(list().isEmpty()
                ? "there are no kept runs yet: a run is kept when you train the lab again"
                : "there is no run " + n + "; kept runs: " + String.join(", ",
                list().stream().map(x -> Integer.toString(x.number())).toList())));
        keep();
        copy(r.tensors(), r.sidecar(), current);
        return current().orElseThrow();
    }

    /**
     * Adds the run's lowest validation loss (and its step) to the current model's sidecar, where the runs table
     * reads it. Combined with {@code earlier}, the best of the part of the run before a resume.
     */
    public void recordBest(double bestVal, long bestStep, Run earlier) {
        Optional<Run> cur = current();
        if (cur.isEmpty() || !Double.isFinite(bestVal)) return;
        JsonObject side = cur.get().sidecar().deepCopy();
        if (earlier != null && earlier.num("bestValLoss").isPresent()
                && earlier.num("bestValLoss").getAsDouble() <= bestVal) {
            bestVal = earlier.num("bestValLoss").getAsDouble();
            bestStep = (long) earlier.num("bestValStep").orElse(bestStep);
        }
        side.addProperty("bestValLoss", (float) bestVal);
        side.addProperty("bestValStep", bestStep);
        try {
            AtomicFiles.writeString(Checkpoint.sidecarOf(current), GSON.toJson(side) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + Checkpoint.sidecarOf(current) + ": " + e.getMessage(), e);
        }
    }

    /** Copies a model (tensors, then its sidecar naming the new tensor file), each file atomically. */
    private static void copy(Path fromTensors, JsonObject sidecar, Path toTensors) {
        try {
            Files.createDirectories(toTensors.getParent());
            Path tmp = Files.createTempFile(toTensors.getParent(), "." + toTensors.getFileName(), ".tmp");
            try {
                Files.copy(fromTensors, tmp, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(tmp, toTensors, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, toTensors, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            JsonObject side = sidecar.deepCopy();
            side.addProperty("tensors", toTensors.getFileName().toString());
            AtomicFiles.writeString(Checkpoint.sidecarOf(toTensors), GSON.toJson(side) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the model " + fromTensors + " to " + toTensors + ": "
                    + e.getMessage(), e);
        }
    }

    private static JsonObject readSidecar(Path tensors) {
        try {
            JsonElement e = JsonParser.parseString(Files.readString(Checkpoint.sidecarOf(tensors), StandardCharsets.UTF_8));
            return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
        } catch (NoSuchFileException e) {
            return new JsonObject();
        } catch (IOException | RuntimeException e) {
            return new JsonObject(); // a damaged sidecar: the run is still listed, with unknown figures
        }
    }

    /** "1.2345", or "–" when unknown. */
    public static String loss(OptionalDouble d) {
        return d.isPresent() ? String.format(Locale.ROOT, "%.4f", d.getAsDouble()) : "–";
    }
}
