package llmfs.tui.chat;

import llmfs.compute.data.Corpora;
import llmfs.compute.data.Names;
import llmfs.compute.text.BpeFile;
import llmfs.compute.text.BpeTokenizer;
import llmfs.compute.text.CharVocab;
import llmfs.compute.text.TokenCodec;
import llmfs.compute.train.NamesTraining;
import llmfs.compute.train.TextMlpTraining;
import llmfs.compute.train.TrainingTask;
import llmfs.tutor.lab.BpeCodec;
import llmfs.tutor.lab.Labs;
import llmfs.tutor.lab.ShakespeareTokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Small models trained for a few real steps and saved with the real checkpoint code where the labs keep them, so the
 * chat loads them exactly as it loads a learner's; the training objects stay in memory as an independent reference.
 */
final class ChatFixture {
    private ChatFixture() {}

    static final int STEPS = 30;

    static String shakespeare() {
        return Corpora.locate().text(ShakespeareTokenizer.CORPUS).substring(0, 20_000);
    }

    /** A names model (hidden 64, block 3) trained for a few steps, saved as the names lab's checkpoint. */
    static NamesTraining names(Path workspace) throws IOException {
        NamesTraining t = new NamesTraining(Names.indian(Corpora.locate()), Names.INDIAN_FILE,
                new NamesTraining.Config(8, 64, 3, 512, 0.01f, 1, 3, 0.1, 0.8f));
        train(t, Labs.checkpoint("names", null, workspace));
        return t;
    }

    /** A character model on the start of Tiny Shakespeare, saved as the shakespeare lab's checkpoint. */
    static TextMlpTraining shakespeare(Path workspace) throws IOException {
        String text = shakespeare();
        CharVocab v = CharVocab.ofText(text);
        TextMlpTraining t = new TextMlpTraining("test characters", v.encode(text), TokenCodec.of(v, ' '), textConfig());
        train(t, Labs.checkpoint("shakespeare", null, workspace));
        return t;
    }

    /** A model on a small BPE vocabulary, with the tokenizer saved where the bpe lab keeps it. */
    static TextMlpTraining bpe(Path workspace) throws IOException {
        String text = shakespeare();
        BpeTokenizer tok = BpeTokenizer.train(text, 90);
        java.nio.file.Files.createDirectories(ShakespeareTokenizer.cacheFile(workspace).getParent());
        BpeFile.save(tok, ShakespeareTokenizer.cacheFile(workspace));
        TextMlpTraining t = new TextMlpTraining("test tokens", tok.encode(text), new BpeCodec(tok), textConfig());
        train(t, Labs.checkpoint("bpe", null, workspace));
        return t;
    }

    /** A small GPT on the start of Tiny Shakespeare with Part 4's vocabulary, saved as the gpt lab's checkpoint. */
    static llmfs.compute.train.GptTraining gpt(Path workspace) throws IOException {
        TokenCodec codec = TokenCodec.of(llmfs.compute.text.CourseVocab.shakespeare(), ' ');
        llmfs.compute.train.GptTraining.Config cfg = new llmfs.compute.train.GptTraining.Config(
                new llmfs.compute.nn.Gpt.Config(codec.vocabSize(), 32, 2, 2, 16, 0.1f), 16,
                llmfs.compute.train.LrSchedule.constant(3e-3f), STEPS, 1, 0.1, 0.999f, 0.01f, 0f, 64, 0.8f,
                "ROMEO:\n", 50);
        llmfs.compute.train.GptTraining t = new llmfs.compute.train.GptTraining("test characters",
                codec.encode(shakespeare()), codec, cfg);
        train(t, Labs.checkpoint("gpt", null, workspace));
        return t;
    }

    private static TextMlpTraining.Config textConfig() {
        return new TextMlpTraining.Config(16, 64, 8, 256, 3e-3f, STEPS, 1, 0.1, 0.8f, "ROMEO:\n", 50, 512);
    }

    private static void train(TrainingTask t, Path checkpoint) throws IOException {
        float loss = 0;
        for (int s = 0; s < STEPS; s++) loss = t.step(s);
        float[] ev = t.evaluate();
        t.save(checkpoint, STEPS, ev[0], ev[1]);
        if (!Float.isFinite(loss)) throw new AssertionError("training diverged");
    }

    /** Runs a chat on {@code input} (lines as piped in) and returns the transcript. */
    static String chat(ChatModel model, long seed, String input) throws IOException {
        StringWriter buf = new StringWriter();
        PrintWriter out = new PrintWriter(buf, true);
        new ChatRepl(model, ChatRepl.defaults(model, seed))
                .run(new PlainLineSource(new BufferedReader(new StringReader(input)), out),
                        new ChatOutput(out, false, new AtomicBoolean()));
        return buf.toString();
    }

    /**
     * What followed each input line in a transcript: the text between the line {@code prompt + input} and the next
     * prompt (or the end), one entry per input line in order.
     */
    static List<String> answers(String transcript, String prompt) {
        List<Integer> starts = new ArrayList<>();
        for (int i = transcript.indexOf(prompt); i >= 0; i = transcript.indexOf(prompt, i + 1)) {
            if (i == 0 || transcript.charAt(i - 1) == '\n') starts.add(i);
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int from = transcript.indexOf('\n', starts.get(k)) + 1;
            int to = k + 1 < starts.size() ? starts.get(k + 1) : transcript.length();
            out.add(transcript.substring(from, to));
        }
        return out;
    }

    /**
     * Whether {@code answer} is {@code n} characters of prompt and continuation, then the line break the chat adds
     * (none when the continuation itself ended with one).
     */
    static boolean spans(String answer, int n) {
        return answer.endsWith("\n") && (answer.length() == n + 1 || answer.length() == n);
    }

    /** The non-empty lines of {@code s}. */
    static List<String> lines(String s) {
        return s.lines().filter(l -> !l.isEmpty()).toList();
    }
}
