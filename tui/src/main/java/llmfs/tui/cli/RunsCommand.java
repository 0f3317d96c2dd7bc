package llmfs.tui.cli;

import llmfs.tutor.lab.LabRuns;
import llmfs.tutor.lab.Labs;
import llmfs.tutor.workspace.Progress;
import llmfs.tutor.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code tutor runs LAB}: the lab's kept runs side by side, and {@code --use N} to make one current again. */
@Command(name = "runs", description = {
        "List a lab's saved runs in a table to compare them: model sizes, seed, steps, final train and val loss, and"
                + " the best val loss the run reached. A run is kept each time you train the lab again over a saved"
                + " model (from the lab screen or `tutor train`).",
        "--use N makes run N the lab's current model again (what `tutor chat` and the lab screen use); the current"
                + " model is kept as a run first, so nothing is lost."},
        mixinStandardHelpOptions = true)
public final class RunsCommand implements Callable<Integer> {
    private final GlobalOptions global = new GlobalOptions();

    @Parameters(index = "0", paramLabel = "LAB", description = "Which lab: its name or part number")
    String lab;

    @Option(names = "--use", paramLabel = "N", description = "Make run N the current model again")
    Integer use;

    @Option(names = "--corpus", paramLabel = "NAME", description = "names lab: indian (default) or english")
    String corpus;

    @Override
    public Integer call() {
        PrintWriter out = global.out();
        String id = Labs.resolve(lab);
        Path ws = global.workspaceDir();
        Path checkpoint = Labs.checkpoint(id, corpus, ws);
        LabRuns runs = LabRuns.of(checkpoint);
        if (use != null) {
            LabRuns.Run now = runs.use(use);
            Progress.load(ws.resolve(Workspace.PROGRESS_FILE)).markLab(id, ws.relativize(checkpoint).toString(),
                    now.step(), now.trainLoss().orElse(Double.NaN), now.valLoss().orElse(Double.NaN));
            out.printf(Locale.ROOT, "Run %d is the current %s model again (step %,d, val loss %s).%n", use, id,
                    now.step(), LabRuns.loss(now.valLoss()));
        }
        table(out, id, runs);
        out.flush();
        return 0;
    }

    /** Prints the runs table (current model first), or says how runs come about when there are none. */
    static void table(PrintWriter out, String id, LabRuns runs) {
        Optional<LabRuns.Run> current = runs.current();
        List<LabRuns.Run> kept = runs.list();
        if (current.isEmpty() && kept.isEmpty()) {
            out.println("No saved " + id + " model yet: `tutor train " + id + "` trains one.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"run", "saved", "sizes (block/emb/hidden)", "seed", "steps", "train", "val", "best val"});
        for (LabRuns.Run r : current.map(List::of).orElse(List.of())) rows.add(row(r, sameAs(r, kept)));
        for (LabRuns.Run r : kept) rows.add(row(r, null));
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                // text columns left-aligned, numbers right-aligned
                String cell = i <= 2 ? pad(r[i], w[i]) : padLeft(r[i], w[i]);
                sb.append(i == 0 ? "" : "  ").append(cell);
            }
            out.println(sb.toString().stripTrailing());
        }
        if (!kept.isEmpty()) out.println("Make a run current again: tutor runs " + id + " --use N");
    }

    /** The kept run holding the same model as {@code current} (after --use), or null. */
    private static Integer sameAs(LabRuns.Run current, List<LabRuns.Run> kept) {
        String sha = current.sidecar().has("tensorsSha256") ? current.sidecar().get("tensorsSha256").getAsString() : null;
        if (sha == null) return null;
        for (LabRuns.Run r : kept) {
            if (r.sidecar().has("tensorsSha256") && sha.equals(r.sidecar().get("tensorsSha256").getAsString())) {
                return r.number();
            }
        }
        return null;
    }

    private static String[] row(LabRuns.Run r, Integer sameAs) {
        String name = r.isCurrent() ? "current" + (sameAs != null ? "=" + sameAs : "") : Integer.toString(r.number());
        String saved = r.savedAt().map(t -> t.toString().substring(0, 16).replace('T', ' ')).orElse("–");
        String sizes = r.setting("block").orElse("?") + "/" + r.setting("embDim").orElse("?") + "/"
                + r.setting("hidden").orElse("?");
        String steps = r.step() < 0 ? "–" : r.totalSteps() > r.step()
                ? String.format(Locale.ROOT, "%,d/%,d", r.step(), r.totalSteps())
                : String.format(Locale.ROOT, "%,d", r.step());
        String best = LabRuns.loss(r.bestValLoss()) + (r.bestValStep().isPresent()
                ? String.format(Locale.ROOT, " @%,d", (long) r.bestValStep().getAsDouble()) : "");
        return new String[]{name, saved, sizes, r.setting("seed").orElse("?"), steps, LabRuns.loss(r.trainLoss()),
                LabRuns.loss(r.valLoss()), best};
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    private static String padLeft(String s, int w) {
        return " ".repeat(Math.max(0, w - s.length())) + s;
    }
}
