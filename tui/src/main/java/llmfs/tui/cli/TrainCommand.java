package llmfs.tui.cli;

import llmfs.compute.Rng;
import llmfs.compute.Tape;
import llmfs.compute.train.NamesTraining;
import llmfs.compute.train.TextGenerator;
import llmfs.compute.train.TrainEvent;
import llmfs.tutor.lab.LabRun;
import llmfs.tutor.lab.LabRuns;
import llmfs.tutor.lab.Lab;
import llmfs.tutor.lab.Labs;
import llmfs.tutor.lab.ModelSizes;
import llmfs.tutor.workspace.Workspace;
import llmfs.tutor.lab.CodeBenchDefaults;
import llmfs.tutor.lab.CodeLab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tutor train PART}: runs a part's lab from the command line. */
@Command(name = "train", description = "Train a part's model from the command line (the labs are listed below).",
        mixinStandardHelpOptions = true)
public final class TrainCommand implements Callable<Integer> {
    private final GlobalOptions global = new GlobalOptions();

    /** The help text: the general part, then each lab's run lengths from the registry. */
    public static String[] description() {
        List<String> d = new java.util.ArrayList<>();
        d.add("Train a part's model from the command line (the same run as the lab screen). Shows a progress bar on a"
                + " terminal and plain lines when piped; prints the final train and validation loss and a few samples."
                + " An unfinished run resumes from its checkpoint.");
        d.add("Labs (a part number works too) and their run lengths:");
        for (Lab l : Labs.ALL) d.add(String.format(Locale.ROOT, "  %-12s %s", l.id(), l.trainHelp()));
        d.add("Model sizes (the MLP labs): --block N (context), --emb N (embedding width), --hidden N (hidden units).");
        d.add("Training again over a saved model keeps that model as a numbered run: `tutor runs LAB` lists and"
                + " compares them, `tutor runs LAB --use N` brings one back.");
        return d.toArray(String[]::new);
    }

    @Parameters(index = "0", paramLabel = "LAB", description = "Which lab: its name or part number (see above)")
    String lab;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training data (names: default "
            + Labs.NAMES_QUICK_EPOCHS + " for a quick run; the course's full run is 1000)")
    Integer epochs;

    @Option(names = "--steps", paramLabel = "N", description = "Optimiser steps (the text labs)")
    Long steps;

    @Option(names = "--long", description = "The lab's long preset instead of the quick default")
    boolean longRun;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "text labs: a prompt to continue at the"
            + " end; \\n stands for a line break (repeatable; default ROMEO: and JULIET:)")
    List<String> prompts;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed for data split, init and order (default 42)")
    Long seed;

    @Option(names = "--corpus", paramLabel = "NAME", description = "names lab: indian (the course's list) or english")
    String corpus;

    @Option(names = "--config", paramLabel = "NAME", description = "gpt lab: which named configuration (see above)")
    String config;

    @Option(names = "--from", paramLabel = "START", description = "sft lab: scratch (default) or gpt, to start from"
            + " Part 4's trained model")
    String from;

    @Option(names = "--restart", description = "Ignore an unfinished checkpoint and start from scratch (the saved"
            + " model is kept as a numbered run)")
    boolean restart;

    @Option(names = "--block", paramLabel = "N", description = "Context length: characters (names, shakespeare) or"
            + " tokens (bpe) the model sees")
    Integer block;

    @Option(names = "--emb", paramLabel = "N", description = "Embedding width: numbers per character or token")
    Integer emb;

    @Option(names = "--hidden", paramLabel = "N", description = "Units in the hidden layer")
    Integer hidden;
    @Option(names = "--bpe", description = "code lab: tokens of a 512-token BPE instead of characters (the same as"
            + " --config bpe)")
    boolean bpe;

    @Option(names = "--k", paramLabel = "N", description = "code lab: samples per method in the test bench (default "
            + CodeBenchDefaults.K + "; pass@1 and pass@N are reported)")
    Integer k;

    @Option(names = "--all-methods", description = "code lab: bench every method, not all held-out ones and every "
            + CodeBenchDefaults.STRIDE + "rd training one")
    boolean allMethods;

    @Option(names = "--no-bench", description = "code lab: train only, skip the test bench")
    boolean noBench;

    @Option(names = "--bench-only", description = "code lab: skip training and run the test bench on the saved model")
    boolean benchOnly;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "10",
            description = "names: how many names to print at the end; 0 prints no samples (any lab)")
    int samples;

    @Option(names = "--sample-length", paramLabel = "N", defaultValue = "200",
            description = "text labs: tokens to generate after each prompt")
    int sampleLength;

    /** Fails with the first character of {@code prompt} that the lab's vocabulary has no token for. */
    private static void checkPrompt(TextGenerator task, String prompt) {
        for (int i = 0; i < prompt.length(); ) {
            int cp = prompt.codePointAt(i);
            try {
                task.codec().encode(new String(Character.toChars(cp)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the prompt '%s' cannot be used: the"
                        + " model has no token for '%s' (U+%04X), a character that never appears in Tiny Shakespeare."
                        + " Write the prompt with the play's letters, digits, punctuation and spaces.",
                        prompt.strip(), new String(Character.toChars(cp)), cp));
            }
            i += Character.charCount(cp);
        }
    }

    /** The prompts of the course's Part 2 and 3 samples. */
    static final List<String> DEFAULT_PROMPTS = List.of("ROMEO:\n", "JULIET:\n");

    @Override
    public Integer call() {
        PrintWriter out = global.out();
        global.applyDevice();
        boolean code = Labs.get(lab) instanceof CodeLab;
        if (!code && (bpe || k != null || allMethods || noBench || benchOnly)) {
            throw new IllegalArgumentException("--bpe, --k, --all-methods, --no-bench and --bench-only are for the code"
                    + " lab (tutor train code)");
        }
        if (bpe && config != null && !config.equalsIgnoreCase("bpe")) {
            throw new IllegalArgumentException("give --bpe or --config " + config + ", not both");
        }
        if (k != null && k < 1) throw new IllegalArgumentException("--k must be at least 1");
        String cfgName = bpe ? "bpe" : config;
        if (benchOnly) {
            CodeBenchPrinter.run(cfgName, global.workspaceDir(), global.corpora(), k == null ? CodeBenchDefaults.K : k,
                    allMethods, seed == null ? CodeBenchDefaults.SEED : seed, out, global.interactive());
            return 0;
        }
        Labs.Options options = Labs.Options.defaults().withEpochs(epochs).withSteps(steps).withLongRun(longRun)
                .withSeed(seed).withCorpus(corpus).withConfig(cfgName).withRestart(restart)
                .withSizes(new ModelSizes(block, emb, hidden)).withFrom(from);
        // A workspace that cannot hold the model should fail now, not after the training.
        Workspace.createFolder(global.workspaceDir().resolve("checkpoints"));
        Labs.Setup setup = Labs.create(lab, options, global.workspaceDir(), global.corpora());
        List<String> textPrompts = prompts == null || prompts.isEmpty() ? DEFAULT_PROMPTS
                : prompts.stream().map(p -> p.replace("\\n", "\n")).toList();
        if (setup.task() instanceof TextGenerator tt && !code) {
            // A prompt the tokenizer cannot encode should fail now, not after minutes of training.
            for (String p : textPrompts) checkPrompt(tt, p);
        }
        out.println(setup.task().title());
        for (String note : setup.notes()) out.println(note);
        if (setup.resume()) out.println("Resuming the unfinished run saved in " + global.relative(setup.checkpoint())
                + " (use --restart to start over).");
        if (setup.replacesSavedModel()) {
            // Never train over a saved model without keeping it.
            LabRuns.Run kept = LabRuns.of(setup.checkpoint()).keep().orElseThrow();
            out.printf(Locale.ROOT, "The saved model (step %,d, val loss %s) is kept as run %d: `tutor runs %s` compares"
                            + " runs, `tutor runs %s --use %d` brings it back.%n", kept.step(),
                    LabRuns.loss(kept.valLoss()), kept.number(), setup.id(), setup.id(), kept.number());
        }
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
        // The same record the lab screen keeps, so the tutor and `tutor list` know this model exists.
        Path ws = global.workspaceDir();
        llmfs.tutor.workspace.Progress.load(ws.resolve(llmfs.tutor.workspace.Workspace.PROGRESS_FILE))
                .markLab(setup.id(), ws.relativize(setup.checkpoint()).toString(), fin.step(), fin.trainLoss(),
                        fin.valLoss());
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
        for (String line : run.snapshot().report()) out.println(line);
        if (setup.task() instanceof NamesTraining nt && samples > 0) {
            List<String> names = nt.names(samples, new Rng(seed == null ? 7 : seed + 7));
            out.println("Samples (T=0.8): " + String.join(", ", names.stream().map(NamesTraining::shown).toList()));
        }
        if (code) {
            if (!fin.stopped() && !noBench) {
                CodeBenchPrinter.run(cfgName, global.workspaceDir(), global.corpora(), k == null ? CodeBenchDefaults.K
                        : k, allMethods, CodeBenchDefaults.SEED, out, global.interactive());
            } else if (fin.stopped()) {
                out.println("The run stopped early: `tutor train code` continues it; `--bench-only` tests the saved"
                        + " model as it is.");
            }
            out.flush();
            return 0;
        }
        if (setup.task() instanceof TextGenerator tt && samples > 0 && sampleLength > 0) {
            Rng rng = new Rng(seed == null ? 7 : seed + 7);
            float t = tt.temperature();
            try (var off = Tape.noGrad()) {
                for (String p : textPrompts) {
                    out.printf(Locale.ROOT, "%nSample (T=%.1f, %d tokens after the prompt):%n", t, sampleLength);
                    out.println(tt.generate(p, sampleLength, t, rng));
                }
            }
        }
        out.flush();
        return 0;
    }
}
