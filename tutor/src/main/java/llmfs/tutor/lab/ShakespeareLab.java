package llmfs.tutor.lab;

import llmfs.compute.data.Corpora;
import llmfs.compute.text.CharVocab;
import llmfs.compute.text.TokenCodec;
import llmfs.compute.train.TextMlpTraining;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Part 2: the names MLP, made bigger, on the characters of Tiny Shakespeare with the last 10% held out. */
final class ShakespeareLab implements Lab {
    /** Default run: a few minutes on two cores (about 8 passes over the text). */
    static final long QUICK_STEPS = 2_000;
    /** The long preset: about 80 passes over the text. */
    static final long LONG_STEPS = 20_000;

    @Override
    public String id() {
        return "shakespeare";
    }

    @Override
    public int part() {
        return 2;
    }

    @Override
    public Set<Opt> options() {
        return Set.of(Opt.STEPS, Opt.EPOCHS, Opt.PROMPT);
    }

    @Override
    public String trainHelp() {
        return "--steps N (default " + QUICK_STEPS + ", a few minutes; --long: " + LONG_STEPS + ")";
    }

    @Override
    public String chatHelp() {
        return "a prompt (e.g. ROMEO:): the model goes on for " + TextLabs.CHARACTER_ANSWER + " characters";
    }

    @Override
    public Labs.About about() {
        return new Labs.About(id(), "This lab trains Part 2's model: the same MLP, made bigger (emb 32,"
                + " hidden 512, block 32 characters: 560,225 parameters), on Tiny Shakespeare with the course's"
                + " batch 4096 and AdamW lr 0.003. The first 90% of the text is for training; the last 10% is"
                + " held out, so the val loss shows how well the model does on lines it never saw. Each step"
                + " draws 4096 random windows; one pass over the text is about 245 steps.",
                String.format(Locale.ROOT, "quick run: %,d steps (about 8 passes), a few minutes on two cores",
                        QUICK_STEPS),
                String.format(Locale.ROOT, "long run: %,d steps (about 80 passes), roughly half an hour to an"
                        + " hour; the course's 1000 epochs (about 250,000 steps) are out of reach on a CPU",
                        LONG_STEPS),
                "tutor train shakespeare --long");
    }

    @Override
    public ModelSizes courseSizes() {
        TextMlpTraining.Config c = TextMlpTraining.Config.shakespeare(1);
        return new ModelSizes(c.block(), c.embDim(), c.hidden());
    }

    @Override
    public Labs.Setup create(Labs.Options o, Path workspace, Corpora corpora) {
        LabSupport.rejectUnknown(this, o);
        String text = corpora.text(ShakespeareTokenizer.CORPUS);
        CharVocab vocab = CharVocab.ofText(text);
        int[] tokens = vocab.encode(text);
        TextMlpTraining.Config cfg = LabSupport.tune(TextMlpTraining.Config.shakespeare(1), o);
        cfg = cfg.withSteps(LabSupport.steps(o, LabSupport.trainWindows(tokens.length, cfg.valFraction(), cfg.block()),
                cfg.batch(), QUICK_STEPS, LONG_STEPS));
        // Spaces pad a short prompt, as in the course.
        TextMlpTraining task = new TextMlpTraining("Tiny Shakespeare characters", tokens, TokenCodec.of(vocab, ' '), cfg);
        Path ck = checkpoint(null, workspace);
        boolean resume = !o.restart() && LabSupport.unfinished(ck, task.totalSteps())
                && LabSupport.sameSizes(ck, cfg.block(), cfg.embDim(), cfg.hidden());
        return new Labs.Setup(id(), task, ck, resume, LabSupport.schedule(cfg.steps()), 1.20f, 1.40f, "quick run",
                "the quick run ends with training loss about 1.3 and val loss about 2.0. Val loss is lowest (about"
                        + " 1.9) near step 800 and then rises while training loss keeps falling: the model starts to"
                        + " memorise its training text, and the long run widens the gap. The course's 1000-epoch run"
                        + " reached training loss 0.8647 (it never measured validation)",
                about(), LabSupport.sizesNote(o.sizes(), cfg.block(), cfg.embDim(), cfg.hidden(),
                        task.model().parameterCount()));
    }
}
