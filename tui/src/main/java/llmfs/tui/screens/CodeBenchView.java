package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyStroke;
import llmfs.compute.code.JavaMethod;
import llmfs.tui.app.KeyHint;
import llmfs.tui.app.Nav;
import llmfs.tui.app.View;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.ProgressBar;
import llmfs.tui.widgets.Role;
import llmfs.tutor.code.BenchReport;
import llmfs.tutor.code.CodeBench;
import llmfs.tutor.code.CodeJudge;
import llmfs.tutor.lab.CodeBenchDefaults;
import llmfs.tutor.lab.CodeModels;

import java.util.List;
import java.util.Locale;

/**
 * Part 7's test bench on the lab's saved model, in the background: progress while it samples and judges, then the
 * pass@k table by split with the failure reasons, and the held-out methods the model got right. Enter runs it (again).
 * The bench belongs to the session, not the screen: leave while it runs and come back to its progress or its table.
 */
public final class CodeBenchView implements View {
    private final UiContext ctx;
    private final int k;
    private final int limit;
    private boolean shownDone;

    public CodeBenchView(UiContext ctx) {
        this(ctx, CodeBenchDefaults.K, Integer.MAX_VALUE);
    }

    /** A smaller bench: {@code k} samples of at most {@code limit} methods (tests). */
    CodeBenchView(UiContext ctx, int k, int limit) {
        this.ctx = ctx;
        this.k = k;
        this.limit = limit;
    }

    @Override
    public String title() {
        return "Part 7 › Test bench";
    }

    private Job<BenchReport> job() {
        return ctx.codeBench();
    }

    private void start() {
        ctx.setCodeBench(Job.start("code-bench", "loading the code model…", j -> {
            CodeModels.Loaded m = CodeModels.load(null, ctx.session().workspace().dir(), ctx.session().corpora());
            List<JavaMethod> all = CodeBench.selection(m.corpus().methods(), CodeBenchDefaults.STRIDE);
            List<JavaMethod> methods = all.subList(0, Math.min(limit, all.size()));
            j.progress(0, "starting the check process…");
            try (CodeJudge judge = new CodeJudge(CodeJudge.DEFAULT_TIMEOUT_MS)) {
                judge.warmUp();
                return new CodeBench(judge).run(methods, m.sampler().with(m.sampler().settings(), limit == Integer.MAX_VALUE
                        ? CodeBenchDefaults.MAX_TOKENS : 40), k, CodeBenchDefaults.SEED,
                        (done, total, method, outcome) -> j.progress((double) done / total,
                                String.format(Locale.ROOT, "%d/%d samples · %s: %s", done, total, method.name(),
                                        outcome.label())));
            }
        }));
    }

    @Override
    public void render(Canvas c, Caps caps) {
        int w = c.width();
        int y = 1;
        Job<BenchReport> job = job();
        c.put(2, y++, "Does the code model write methods that pass their tests?", Role.HEADING, true);
        y++;
        if (job == null) {
            y = Text.draw(c, caps, 2, y, w - 4, c.height(), "Press Enter to run the test bench on the saved model: "
                    + "every held-out method and every " + CodeBenchDefaults.STRIDE + "rd training method, "
                    + CodeBenchDefaults.K + " samples each, each sample cut at its closing brace, compiled with its "
                    + "unit tests and run in the checker's sandboxed process. It takes a few minutes and keeps "
                    + "running if you leave this screen: come back for the table.", Role.TEXT, false);
            return;
        }
        if (job.error() != null) {
            Text.draw(c, caps, 2, y, w - 4, c.height(), "Could not run the bench: " + job.error(), Role.BAD, false);
            return;
        }
        if (!job.done()) {
            c.put(2, y++, ProgressBar.render(Math.min(w - 4, 76), job.fraction(), job.status(), caps.unicode()),
                    Role.ACCENT);
            return;
        }
        BenchReport r = job.result();
        for (String line : r.table().split("\n")) {
            if (y >= c.height() - 4) break;
            c.put(2, y++, line.length() > w - 4 ? line.substring(0, w - 4) : line, y == 4 ? Role.HEADING : Role.TEXT);
        }
        y++;
        List<String> held = r.results().stream().filter(x -> x.heldOut() && x.passed() > 0)
                .map(x -> x.name() + " " + x.passed() + "/" + x.samples()).toList();
        y = Text.draw(c, caps, 2, y, w - 4, c.height(), "Held-out methods passed at least once: "
                + (held.isEmpty() ? "none" : String.join(", ", held)), Role.ACCENT, false) + 1;
        Text.draw(c, caps, 2, y, w - 4, c.height(), "Training methods were in the training text, so passing them is "
                + "mostly recall; held-out ones measure writing new code, and for a model this small they are rare. "
                + "`tutor train code --bench-only --all-methods --k 10` runs a bigger bench from a shell.", Role.DIM,
                false);
    }

    @Override
    public boolean onKey(KeyStroke key, Nav nav) {
        Job<BenchReport> job = job();
        if (key.getKeyType() == com.googlecode.lanterna.input.KeyType.Enter && (job == null || job.done())) {
            start();
            return true;
        }
        return false;
    }

    @Override
    public boolean tick() {
        Job<BenchReport> job = job();
        if (job == null) return false;
        boolean done = job.done();
        boolean changed = !done || done != shownDone;
        shownDone = done;
        return changed;
    }

    @Override
    public List<KeyHint> keys() {
        Job<BenchReport> job = job();
        return job == null || job.done() ? List.of(new KeyHint("Enter", job == null ? "run the bench" : "run again"))
                : List.of();
    }
}
