package llmfs.tui.cli;

import llmfs.compute.Rng;
import llmfs.compute.train.NamesTraining;
import llmfs.compute.train.TrainEvent;
import llmfs.tutor.lab.LabRun;
import llmfs.tutor.lab.Labs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tutor train PART}: runs a part's lab from the command line. */
@Command(name = "train", description = {
        "Train a part's model from the command line (the same run as the lab screen).",
        "Shows a progress bar on a terminal and plain lines when piped; prints the final train and",
        "validation loss and a few samples. An unfinished run resumes from its checkpoint."},
        mixinStandardHelpOptions = true)
public final class TrainCommand implements Callable<Integer> {
    private final GlobalOptions global = new GlobalOptions();

    @Parameters(index = "0", paramLabel = "LAB", description = "Which lab: names")
    String lab;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs to train (names: default "
            + Labs.NAMES_QUICK_EPOCHS + " for a quick run; the course's full run is 1000)")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed for data split, init and order (default 42)")
    Long seed;

    @Option(names = "--corpus", paramLabel = "NAME", description = "names lab: indian (the course's list) or english")
    String corpus;

    @Option(names = "--restart", description = "Ignore an unfinished checkpoint and start from scratch")
    boolean restart;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "10", description = "Samples to print at the end")
    int samples;

    @Override
    public Integer call() {
        PrintWriter out = global.out();
        global.applyDevice();
        Labs.Setup setup = Labs.create(lab, new Labs.Options(epochs, seed, corpus, restart), global.workspaceDir(),
                global.corpora());
        out.println(setup.task().title());
        if (setup.resume()) out.println("Resuming the unfinished run saved in " + global.relative(setup.checkpoint())
                + " (use --restart to start over).");
        out.println("Target: " + setup.targetNote() + ".");
        out.flush();
        LabRun run = setup.newRun(seed == null ? 1 : seed);
        CliProgress progress = new CliProgress(out, global.interactive());
        run.addListener(progress);
        Runtime.getRuntime().addShutdownHook(new Thread(run::stop)); // Ctrl-C: finish the step, save, report
        TrainEvent end = run.runHere();
        progress.close();
        if (end instanceof TrainEvent.Failed f) {
            out.println("Training failed at step " + f.step() + ": " + f.message());
            out.flush();
            return 1;
        }
        TrainEvent.Finished fin = (TrainEvent.Finished) end;
        out.printf("%s after %,d steps in %s: train loss %.4f, val loss %.4f%n",
                fin.stopped() ? "Stopped" : "Finished", fin.step(), CliProgress.duration(fin.elapsedSeconds()),
                fin.trainLoss(), fin.valLoss());
        java.util.List<double[]> vals = run.snapshot().valCurve();
        double[] best = vals.stream().min(java.util.Comparator.comparingDouble(v -> v[1])).orElse(null);
        if (best != null && vals.size() > 2) {
            out.printf("Lowest val loss %.4f at step %,d%s%n", best[1], (long) best[0],
                    best[1] < fin.valLoss() - 0.02 ? " (it rose afterwards: the model began to memorise its training data)" : "");
        }
        out.println("Saved to " + global.relative(setup.checkpoint()));
        if (setup.task() instanceof NamesTraining nt && samples > 0) {
            List<String> names = nt.names(samples, new Rng(seed == null ? 7 : seed + 7));
            out.println("Samples (T=0.8): " + String.join(", ", names));
        }
        out.flush();
        return 0;
    }
}
