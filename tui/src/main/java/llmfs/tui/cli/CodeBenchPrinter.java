package llmfs.tui.cli;

import llmfs.compute.code.JavaMethod;
import llmfs.compute.data.Corpora;
import llmfs.tutor.code.BenchReport;
import llmfs.tutor.code.CodeBench;
import llmfs.tutor.code.CodeJudge;
import llmfs.tutor.lab.CodeBenchDefaults;
import llmfs.tutor.lab.CodeModels;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The test bench from the command line ({@code tutor train code}, after training or with {@code --bench-only}):
 * progress while it samples and judges, then the pass@k table and which held-out methods the model got right.
 */
final class CodeBenchPrinter {
    private CodeBenchPrinter() {}

    static BenchReport run(String config, Path workspace, Corpora corpora, int k, boolean allMethods, long seed,
                           PrintWriter out, boolean interactive) {
        CodeModels.Loaded m = CodeModels.load(config, workspace, corpora);
        List<JavaMethod> methods = allMethods ? m.corpus().methods() : CodeBench.selection(m.corpus().methods(),
                CodeBenchDefaults.STRIDE);
        out.printf(Locale.ROOT, "%nTest bench: %s.%n%d methods (%s), %d samples each at temperature %.1f, cut at the"
                        + " method's closing brace; each compiled with its unit tests and run in the check process"
                        + " (%.0f s and 256 MB per method, no files, network or processes).%n",
                m.description(), methods.size(), allMethods ? "all of them" : "every held-out one and every "
                        + CodeBenchDefaults.STRIDE + "rd training one", k, CodeBenchDefaults.TEMPERATURE,
                CodeJudge.DEFAULT_TIMEOUT_MS / 1000.0);
        out.flush();
        long t0 = System.nanoTime();
        BenchReport report;
        try (CodeJudge judge = new CodeJudge(CodeJudge.DEFAULT_TIMEOUT_MS)) {
            judge.warmUp();
            int[] lastShown = {-1};
            report = new CodeBench(judge).run(methods, m.sampler(), k, seed, (done, total, method, outcome) -> {
                int pct = 100 * done / total;
                if (interactive) {
                    out.printf(Locale.ROOT, "\r%3d%%  %d/%d samples  %-28s", pct, done, total, method.name());
                    out.flush();
                } else if (pct / 10 != lastShown[0]) {
                    lastShown[0] = pct / 10;
                    out.printf(Locale.ROOT, "%3d%%  %d/%d samples%n", pct, done, total);
                    out.flush();
                }
            });
            if (interactive) out.print("\r" + " ".repeat(60) + "\r");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "Bench finished in %s.%n%n", CliProgress.duration(seconds));
        out.print(report.table());
        List<String> held = report.results().stream().filter(r -> r.heldOut() && r.passed() > 0)
                .map(r -> r.name() + " " + r.passed() + "/" + r.samples()).toList();
        out.println();
        out.println("Held-out methods passed at least once: " + (held.isEmpty() ? "none" : String.join(", ", held)));
        out.println("pass@1 is the chance that one sample passes all its tests; pass@" + k + " that at least one of "
                + k + " does (unbiased estimate). Training methods were in the training text, so passing them is"
                + " mostly recall; the held-out ones measure writing code the model never saw.");
        out.flush();
        return report;
    }
}
