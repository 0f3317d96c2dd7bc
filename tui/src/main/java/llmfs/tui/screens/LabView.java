package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import llmfs.compute.train.TrainEvent;
import llmfs.tui.app.KeyHint;
import llmfs.tui.app.Nav;
import llmfs.tui.app.TuiApp;
import llmfs.tui.app.View;
import llmfs.tui.chat.ChatLoadException;
import llmfs.tui.chat.ChatModel;
import llmfs.tui.chat.ChatModels;
import llmfs.tui.chat.ChatRepl;
import llmfs.tui.chat.ChatTerminal;
import llmfs.tui.widgets.BrailleChart;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Fit;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.ChartSeries;
import llmfs.tui.widgets.ProgressBar;
import llmfs.tui.widgets.Role;
import llmfs.tutor.classroom.FairUse;
import llmfs.tutor.course.LabSpec;
import llmfs.tutor.course.Part;
import llmfs.tutor.lab.LabRun;
import llmfs.tutor.lab.Lab;
import llmfs.tutor.lab.LabRuns;
import llmfs.tutor.lab.Labs;
import llmfs.tutor.lab.ModelSizes;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lab: trains the part's model on a background thread while this screen shows the live train/val loss chart,
 * progress, tokens/s, ETA and the latest sample. Leaving the screen keeps the run going; {@code s} stops it
 * (after the current step, with a final evaluation and checkpoint). Once a model is saved and nothing is training,
 * {@code t} leaves the screen for a chat with it on the plain terminal.
 */
public final class LabView implements View {
    private final UiContext ctx;
    private final Part part;
    private final LabSpec spec;
    private BrailleChart chart;
    private ChartSeries trainSeries;
    private ChartSeries valSeries;
    private int fedSteps;
    private int fedEvals;
    private MeasureCharts extra = new MeasureCharts(List.of());
    private LabRun run;
    private Labs.Setup setup;
    private String error;
    /** A run that would start over where a model is saved, waiting for the learner's y/n. */
    private Labs.Setup awaitingConfirmation;

    public LabView(UiContext ctx, Part part, LabSpec spec) {
        this.ctx = ctx;
        this.part = part;
        this.spec = spec;
        UiContext.ActiveLab active = ctx.lab(spec.id());
        newChart();
        if (active != null) {
            this.setup = active.setup();
            this.run = active.run();
            chart.target(setup.targetLo(), setup.targetHi(), setup.targetRun());
        }
    }

    private void newChart() {
        chart = new BrailleChart();
        trainSeries = chart.addSeries("train");
        valSeries = chart.addSeries("val");
        chart.xLabel("step");
        fedSteps = 0;
        fedEvals = 0;
        extra = new MeasureCharts(List.of());
    }

    @Override
    public String title() {
        return "Part " + part.id() + " › Lab: " + spec.title();
    }

    private void start(boolean longRun, boolean restart) {
        if (run != null && run.isRunning()) return;
        Labs.Setup next;
        try {
            next = Labs.create(spec.command(), Labs.Options.defaults().withLongRun(longRun).withRestart(restart)
                            .withSizes(ctx.labSizes(spec.id())),
                    ctx.session().workspace().dir(), ctx.session().corpora());
        } catch (RuntimeException e) {
            error = e.getMessage();
            return;
        }
        error = null;
        if (next.replacesSavedModel()) {
            awaitingConfirmation = next; // never train over a saved model without asking
            return;
        }
        begin(next);
    }

    /** The learner said yes: keep the saved model as a numbered run, then train. */
    private void confirmed(Nav nav) {
        Labs.Setup next = awaitingConfirmation;
        awaitingConfirmation = null;
        try {
            LabRuns.Run kept = LabRuns.of(next.checkpoint()).keep().orElseThrow();
            nav.flash("The saved model is kept as run " + kept.number() + " (u: runs).");
        } catch (RuntimeException e) {
            nav.flash("Not started: could not keep the saved model (" + e.getMessage() + ")");
            return;
        }
        begin(next);
    }

    private void begin(Labs.Setup next) {
        UiContext.ActiveLab active;
        try {
            active = ctx.startLab(next); // in a class, the machine's lab seats may all be taken
        } catch (FairUse.Refused e) {
            error = e.getMessage();
            return;
        }
        error = null;
        setup = next;
        newChart();
        chart.target(setup.targetLo(), setup.targetHi(), setup.targetRun());
        run = active.run();
    }

    /** Copies new points from the run into the chart (the chart keeps its own bounded history). */
    private void feed(LabRun.Snapshot s) {
        List<double[]> steps = s.stepCurve(), vals = s.valCurve();
        for (; fedSteps < steps.size(); fedSteps++) trainSeries.add(steps.get(fedSteps)[0], steps.get(fedSteps)[1]);
        for (; fedEvals < vals.size(); fedEvals++) valSeries.add(vals.get(fedEvals)[0], vals.get(fedEvals)[1]);
        if (s.started() != null) chart.fixedXMax(s.started().totalSteps());
        if (extra.isEmpty() && !s.measures().isEmpty()) {
            extra = new MeasureCharts(MeasureCharts.panelsFor(s.measures()));
            if (!extra.isEmpty()) chart.xLabel("loss · step");
        }
        extra.feed(s.measures(), s.started() == null ? 0 : s.started().totalSteps());
    }

    @Override
    public void render(Canvas c, Caps caps) {
        int w = c.width(), y = 0;
        if (run == null) {
            y = Text.draw(c, caps, 2, 1, w - 4, c.height(), intro(), Role.TEXT, false);
            if (error != null) Text.draw(c, caps, 2, y + 1, w - 4, c.height(), "Could not start: " + error, Role.BAD, true);
            return;
        }
        LabRun.Snapshot s = run.snapshot();
        feed(s);
        c.put(2, y++, fit(run.task().title(), w - 3, caps), Role.DIM);
        List<String> notes = setup == null ? List.of() : setup.notes();
        for (String note : notes) c.put(2, y++, fit(note, w - 3, caps), Role.DIM);
        List<String> report = s.report();
        int chartH = Math.max(6, c.height() - 8 - notes.size() - report.size());
        // The loss chart, and beside it the task's measure charts (DPO: accuracy and rewards), side by side.
        int panels = 1 + extra.count(), pw = (w - 2) / panels;
        for (int i = 0; i < panels; i++) {
            Canvas ch = new Canvas(i == panels - 1 ? w - 2 - pw * i : pw, chartH);
            if (i == 0) chart.render(ch, caps);
            else extra.render(i - 1, ch, caps);
            for (int yy = 0; yy < chartH; yy++) {
                for (int x = 0; x < ch.width(); x++) {
                    c.set(1 + pw * i + x, y + yy, ch.charAt(x, yy), ch.roleAt(x, yy), ch.boldAt(x, yy));
                }
            }
        }
        y += chartH;
        TrainEvent.Step st = s.lastStep();
        double frac = st == null ? 0 : st.fraction();
        String stats = st == null ? "preparing…" : String.format(Locale.ROOT, "step %,d/%,d · epoch %d · %,.0f tok/s · ETA %s",
                st.step(), st.totalSteps(), st.epoch(), st.tokensPerSecond(), eta(st.etaSeconds()));
        c.put(1, y++, ProgressBar.render(w - 2, frac, stats, caps.unicode()), Role.ACCENT);
        String losses = "";
        if (!s.trainCurve().isEmpty()) {
            double[] tr = s.trainCurve().get(s.trainCurve().size() - 1), va = s.valCurve().get(s.valCurve().size() - 1);
            losses = String.format(Locale.ROOT, "train loss %.4f · val loss %.4f (step %,d)", tr[1], va[1], (long) tr[0]);
        }
        if (st != null) losses = String.format(Locale.ROOT, "batch loss %.3f · ", st.loss()) + losses;
        c.put(2, y++, losses, Role.TEXT);
        String sample = s.lastSample() == null ? "" : s.lastSample().text().replace("\n", caps.unicode() ? "↵" : "|");
        y = Text.draw(c, caps, 2, y, w - 4, Math.min(c.height(), y + 2), "sample: " + sample, Role.CODE, false);
        String state;
        if (s.end() instanceof TrainEvent.Finished f) {
            state = String.format(Locale.ROOT, "%s: train %.4f, val %.4f after %,d steps. Saved. t: talk to it · %s"
                    + "Enter: train again", f.stopped() ? "Stopped" : "Done", f.trainLoss(), f.valLoss(), f.step(),
                    hasEmbeddings() ? "p: embeddings · " : "");
        } else if (s.end() instanceof TrainEvent.Failed f) {
            state = "Training failed: " + f.message();
        } else {
            state = setup != null ? "Target: " + setup.targetNote() : "Training…";
        }
        y = Text.draw(c, caps, 2, y, w - 4, c.height(), state, s.end() instanceof TrainEvent.Failed ? Role.BAD : Role.DIM, false);
        // What the task measured on the finished model (Part 5: exact match per category; Part 6: before/after).
        for (String line : report) {
            if (y >= c.height()) break;
            y = Text.draw(c, caps, 2, y, w - 4, c.height(), line, Role.TEXT, false);
        }
    }

    private String intro() {
        Labs.About about;
        try {
            about = Labs.about(spec.command());
        } catch (IllegalArgumentException e) {
            return "This part's lab '" + spec.command() + "' is not known to this version of the tutor.";
        }
        // What the last saved run reached, as recorded in the progress file, so a learner coming back sees it.
        String saved = ctx.session().progress().lab(spec.id())
                .filter(l -> l.fact("step").isPresent())
                .map(l -> "Saved model: step " + grouped(l.fact("step").get())
                        + l.fact("trainLoss").map(x -> ", train loss " + x).orElse("")
                        + l.fact("valLoss").map(x -> ", val loss " + x).orElse("") + ".\n\n")
                .orElse("");
        ModelSizes sizes = ctx.labSizes(spec.id());
        String sizesLine = !hasSizes() ? ""
                : "Model sizes: " + (sizes.isDefault() ? "the course's" : describe(sizes)) + " (o: change)\n\n";
        return about.description() + "\n\n" + saved + sizesLine
                + "Enter  " + about.quickRun() + "\n"
                + "f      " + about.longRun() + "\n"
                + (canTalk() ? "t      talk to the saved model (from a shell: tutor chat " + about.id() + ")\n" : "")
                + "\n"
                + "An unfinished run continues from its checkpoint; R starts over. Training again keeps the saved model as"
                + " a numbered run (u: list, compare, use). You can leave this screen while it trains. From a shell: "
                + about.longCommand();
    }

    /** Whether this lab's model sizes can be changed (the MLP labs). */
    private boolean hasSizes() {
        try {
            return Labs.courseSizes(spec.command()) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String describe(ModelSizes sizes) {
        ModelSizes c = Labs.courseSizes(spec.command());
        return sizes.describe(c.block(), c.emb(), c.hidden());
    }

    /** "20000" as "20,000"; anything that is not a whole number unchanged. */
    private static String grouped(String n) {
        try {
            return String.format(Locale.ROOT, "%,d", Long.parseLong(n));
        } catch (NumberFormatException e) {
            return n;
        }
    }

    /** Whether this lab offers the embeddings picture (Part 1's names model). */
    private boolean hasEmbeddings() {
        try {
            return Labs.get(spec.command()).extras().contains(Lab.Extra.EMBEDDINGS);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String eta(double s) {
        if (!Double.isFinite(s)) return "–";
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
                : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }

    @Override
    public String prompt() {
        if (awaitingConfirmation == null) return null;
        String val = LabRuns.of(awaitingConfirmation.checkpoint()).current()
                .map(r -> " (val " + LabRuns.loss(r.valLoss()) + ")").orElse("");
        return "Train again? The saved model" + val + " is kept as a numbered run. y/n";
    }

    @Override
    public boolean onKey(KeyStroke key, Nav nav) {
        if (awaitingConfirmation != null) {
            if (TuiApp.isChar(key, 'y') || TuiApp.isChar(key, 'Y')) confirmed(nav);
            else {
                awaitingConfirmation = null;
                nav.flash("Nothing started; the saved model is unchanged.");
            }
            return true;
        }
        boolean running = run != null && run.isRunning();
        if (key.getKeyType() == KeyType.Enter && !running) start(false, false);
        else if (TuiApp.isChar(key, 'f') && !running) start(true, false);
        else if (TuiApp.isChar(key, 'R') && !running) start(false, true);
        else if (TuiApp.isChar(key, 's') && running) {
            run.stop();
            nav.flash("Stopping after this step (the model is evaluated and saved)…");
        } else if (TuiApp.isChar(key, 'p') && hasEmbeddings()) nav.push(new PcaView(ctx, spec.id()));
        else if (TuiApp.isChar(key, 't')) talk(nav);
        else if (TuiApp.isChar(key, 'u')) nav.push(new LabRunsView(ctx, spec, () -> run != null && run.isRunning()));
        else if (TuiApp.isChar(key, 'o') && !running && hasSizes()) nav.push(new LabSettingsView(ctx, spec));
        else return false;
        return true;
    }

    private Path workspace() {
        return ctx.session().workspace().dir();
    }

    /** Whether {@code t} can open a chat now: a saved model, and no run writing a new one. */
    private boolean canTalk() {
        if (run != null && run.isRunning()) return false;
        try {
            return ChatModels.trained(spec.command(), workspace());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Leaves the screen for a chat with the saved model; back here on :quit or Ctrl-D. */
    private void talk(Nav nav) {
        if (run != null && run.isRunning()) {
            nav.flash("The model is still training: wait for the run to end (or press s to stop it), then press t.");
            return;
        }
        ChatModel model;
        try {
            if (!ChatModels.trained(spec.command(), workspace())) {
                nav.flash("No saved model yet: press Enter for a quick run, then t to talk to the model.");
                return;
            }
            model = ChatModels.load(spec.command(), null, workspace(), ctx.session().corpora());
        } catch (ChatLoadException | IllegalArgumentException e) {
            nav.flash(e.getMessage());
            return;
        }
        ChatRepl repl = new ChatRepl(model, ChatRepl.defaults(model, System.nanoTime()))
                .withIntro(":quit or Ctrl-D goes back to the tutor.");
        String[] failure = new String[1];
        nav.suspendFor(() -> {
            try {
                ChatTerminal.run(repl, System.in, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                        ChatTerminal.historyFile(workspace()));
            } catch (IOException | RuntimeException e) {
                failure[0] = "The chat ended with an error: " + e.getMessage();
            }
        });
        if (failure[0] != null) nav.flash(failure[0]);
    }

    @Override
    public boolean tick() {
        return run != null;
    }

    @Override
    public List<KeyHint> keys() {
        List<KeyHint> k = new ArrayList<>();
        if (run != null && run.isRunning()) k.add(new KeyHint("s", "stop"));
        else {
            k.add(new KeyHint("Enter", "quick run"));
            k.add(new KeyHint("f", "long run"));
            k.add(new KeyHint("R", "restart"));
        }
        if (canTalk()) k.add(new KeyHint("t", "talk to the model"));
        k.add(new KeyHint("u", "runs"));
        if ((run == null || !run.isRunning()) && hasSizes()) k.add(new KeyHint("o", "sizes"));
        if (hasEmbeddings()) k.add(new KeyHint("p", "embeddings"));
        return k;
    }

    /** One line cut to {@code width} columns, with an ellipsis where it was cut. */
    private static String fit(String line, int width, Caps caps) {
        return Fit.line(line, width, caps.unicode());
    }
}
