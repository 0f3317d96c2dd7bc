package llmfs.tutor.lab;

import llmfs.compute.data.Corpora;
import llmfs.compute.train.TextMlpTraining;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Part 3: the MLP on the tokens of a 300-token BPE vocabulary learned from Tiny Shakespeare. */
final class BpeLab implements Lab {
    /** Default run: a few minutes on two cores (about 8 passes over the tokens). */
    static final long QUICK_STEPS = 2_000;
    /** The long preset: about 80 passes over the tokens. */
    static final long LONG_STEPS = 20_000;

    @Override
    public String id() {
        return "bpe";
    }

    @Override
    public int part() {
        return 3;
    }

    @Override
    public Set<Opt> options() {
        return Set.of(Opt.STEPS, Opt.EPOCHS, Opt.PROMPT);
    }

    @Override
    public List<Extra> extras() {
        return List.of(Extra.COMPRESSION_TABLE, Extra.TOKENIZER_PLAYGROUND);
    }

    @Override
    public String trainHelp() {
        return "--steps N (default " + QUICK_STEPS + ", a few minutes; --long: " + LONG_STEPS + ")";
    }

    @Override
    public String chatHelp() {
        return "the same with Part 3's model, " + TextLabs.BPE_ANSWER + " tokens";
    }

    @Override
    public Labs.About about() {
        return new Labs.About(id(), "This lab trains Part 3's model: the same MLP on BPE tokens instead of"
                + " characters. First a character-level BPE tokenizer with 300 tokens (65 characters + 235"
                + " merges) is learned from Tiny Shakespeare, then kept in checkpoints/" + ShakespeareTokenizer.FILE
                + "; the model (emb 64, hidden 512, block 32 tokens: 1,222,188 parameters, batch 2048, AdamW lr"
                + " 0.001) sees about 62 characters of context. The last 10% of the tokens are held out for"
                + " the val loss. The losses are per token, so they are not comparable with Part 2's per"
                + " character losses.",
                String.format(Locale.ROOT, "quick run: %,d steps (about 8 passes), a few minutes on two cores",
                        QUICK_STEPS),
                String.format(Locale.ROOT, "long run: %,d steps (about 80 passes), roughly half an hour to an"
                        + " hour", LONG_STEPS),
                "tutor train bpe --long");
    }

    @Override
    public ModelSizes courseSizes() {
        TextMlpTraining.Config c = TextMlpTraining.Config.bpe(1);
        return new ModelSizes(c.block(), c.embDim(), c.hidden());
    }

    @Override
    public Labs.Setup create(Labs.Options o, Path workspace, Corpora corpora) {
        LabSupport.rejectUnknown(this, o);
        ShakespeareTokenizer.Loaded tok = ShakespeareTokenizer.load(workspace, corpora, null);
        String text = corpora.text(ShakespeareTokenizer.CORPUS);
        int[] tokens = tok.tokenizer().encode(text);
        TextMlpTraining.Config cfg = LabSupport.tune(TextMlpTraining.Config.bpe(1), o);
        cfg = cfg.withSteps(LabSupport.steps(o, LabSupport.trainWindows(tokens.length, cfg.valFraction(), cfg.block()),
                cfg.batch(), QUICK_STEPS, LONG_STEPS));
        TextMlpTraining task = new TextMlpTraining("Tiny Shakespeare BPE tokens", tokens, new BpeCodec(tok.tokenizer()),
                cfg);
        Path ck = checkpoint(null, workspace);
        boolean resume = !o.restart() && LabSupport.unfinished(ck, task.totalSteps())
                && LabSupport.sameSizes(ck, cfg.block(), cfg.embDim(), cfg.hidden());
        String where = workspace.relativize(tok.file()).toString();
        String note = tok.fromCache()
                ? "Tokenizer: " + tok.tokenizer().vocabSize() + " tokens, loaded from " + where
                : String.format(Locale.ROOT, "Tokenizer: learned %d merges in %.1f s, saved to %s",
                tok.tokenizer().mergeCount(), tok.trainSeconds(), where);
        note += String.format(Locale.ROOT, " (%,d characters -> %,d tokens, %.2f characters per token)",
                text.length(), tokens.length, (double) text.length() / tokens.length);
        return new Labs.Setup(id(), task, ck, resume, LabSupport.schedule(cfg.steps()), 2.00f, 2.30f, "quick run",
                "the quick run ends with training loss about 2.1 and val loss about 4.3 (per token). Val loss is"
                        + " lowest (about 4.0) near step 700 and then rises: 1.2 million parameters memorise 520,000"
                        + " training tokens, and the long run widens the gap. The course's 500-epoch run reached"
                        + " training loss 0.032, near-total memorisation that it could not see without a validation set",
                about(), concat(note, LabSupport.sizesNote(o.sizes(), cfg.block(), cfg.embDim(), cfg.hidden(),
                        task.model().parameterCount())));
    }

    private static List<String> concat(String first, List<String> more) {
        List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(more);
        return all;
    }
}
