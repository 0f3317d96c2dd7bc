package llmfs.tui.chat;

import llmfs.compute.Rng;
import llmfs.compute.nn.Gpt;
import llmfs.compute.sample.GptSampler;
import llmfs.compute.sample.Sampler;
import llmfs.compute.text.CharVocab;
import llmfs.compute.text.CourseVocab;
import llmfs.compute.text.InstructionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Parts 5 and 6 in a chat: a typed question is put into the instruction template and the answer is streamed until
 * the model writes the end marker. {@code :raw} continues plain text instead (what the model does without the
 * template); {@code :compare} asks the SFT and the DPO model the same question and shows both answers side by side.
 */
public final class InstructChat implements ChatModel {
    /** Characters an answer may run to unless {@code :len} says otherwise (the longest trained answer is ~75). */
    public static final int ANSWER_LENGTH = 120;
    /** Width of the side-by-side view, so it fits an 80-column terminal. */
    static final int COMPARE_WIDTH = 79;

    /** The model to compare with: the other of sft/dpo, loaded when first asked for. */
    public record Partner(String lab, Supplier<InstructChat> load) {}

    private final String lab;
    private final Gpt model;
    private final GptSampler sampler;
    private final String description;
    private final Partner partner;
    private final CharVocab vocab = CourseVocab.full();
    private InstructChat partnerChat;
    private boolean raw;
    private String lastQuestion;

    /**
     * @param lab         "sft" or "dpo"
     * @param partner     what {@code :compare} puts beside this model; null when there is none
     */
    public InstructChat(String lab, Gpt model, String description, Partner partner) {
        if (model.cfg.vocab() != vocab.size()) {
            throw new IllegalArgumentException("an instruction model needs the course vocabulary of " + vocab.size()
                    + " ids, this one has " + model.cfg.vocab());
        }
        this.lab = lab;
        this.model = model;
        this.sampler = new GptSampler(model);
        this.description = description;
        this.partner = partner;
    }

    @Override
    public String lab() {
        return lab;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String usage() {
        return "Type a question, e.g. What is 7 + 5? and press Enter: it goes into the instruction template and the"
                + " answer ends where the model writes the end marker.";
    }

    /** The extra commands, for {@code :help}. */
    List<String> commandHelp() {
        return List.of("  :raw [TEXT] continue TEXT as plain text, without the template; :raw alone switches every"
                        + " line to plain text and back (now " + (raw ? "on" : "off") + ")",
                "  :compare [QUESTION]  the " + "sft and dpo answers side by side (default: your last question)");
    }

    /** Runs {@code :raw} or {@code :compare}; false when {@code name} is not one of this chat's commands. */
    boolean command(String name, String arg, ChatSettings s, ChatOutput out) {
        switch (name) {
            case "raw" -> {
                if (arg.isEmpty()) {
                    raw = !raw;
                    out.note(raw ? "raw mode: lines are continued as plain text (:raw again to leave)"
                            : "template mode: lines are questions again");
                } else {
                    continuePlain(arg, s, out);
                }
                return true;
            }
            case "compare", "c" -> {
                compare(arg.isEmpty() ? lastQuestion : arg, s, out);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    public void reply(String line, ChatSettings s, ChatOutput out) {
        if (raw) {
            continuePlain(line, s, out);
            return;
        }
        String q = question(line);
        lastQuestion = q;
        StringBuilder answer = new StringBuilder();
        int n = answer(q, s.length(), s.sampling(), s.rng(), id -> {
            String ch = String.valueOf(vocab.ch(id));
            answer.append(ch);
            out.text(ch);
            return !out.stopRequested();
        });
        if (out.stopRequested()) out.note("(stopped)");
        else if (n >= s.length()) out.note("(no end marker after " + n + " characters; :len sets the limit)");
        else out.endLine();
    }

    /** The question as the model can read it: {@code \n} as a line break, unknown characters as '?'. */
    private static String question(String line) {
        String q = CourseVocab.normalize(line.replace("\\n", "\n")).strip();
        if (q.isEmpty()) throw new IllegalArgumentException("type a question, e.g. What is the capital of France?");
        return q;
    }

    /** Samples an answer to {@code q} into {@code sink}; returns how many characters were produced (END not counted). */
    int answer(String q, int length, Sampler.Settings settings, Rng rng, GptSampler.TokenSink sink) {
        int[] prompt = vocab.encode(InstructionTemplate.prompt(q));
        return sampler.generate(prompt, length, settings, rng, CourseVocab.endId(), sink);
    }

    private void continuePlain(String text, ChatSettings s, ChatOutput out) {
        String p = CourseVocab.normalize(text.replace("\\n", "\n"));
        if (p.isEmpty()) throw new IllegalArgumentException(":raw needs some text to continue, e.g. :raw What is");
        out.echo(p);
        int n = sampler.generate(vocab.encode(p), s.length(), s.sampling(), s.rng(), CourseVocab.endId(), id -> {
            out.text(String.valueOf(vocab.ch(id)));
            return !out.stopRequested();
        });
        if (n < s.length() && !out.stopRequested()) out.note("(end marker)");
        else out.endLine();
    }

    private void compare(String q, ChatSettings s, ChatOutput out) {
        if (q == null) throw new IllegalArgumentException(":compare needs a question, e.g. :compare What is 7 + 5?");
        q = question(q);
        lastQuestion = q;
        if (partner == null) {
            throw new IllegalArgumentException(":compare needs both the sft and the dpo model; train the other one first");
        }
        if (partnerChat == null) partnerChat = partner.load().get();
        // Both models draw the same random numbers, so a difference comes from the models, not from luck.
        long seed = s.rng().nextLong();
        InstructChat sft = lab.equals("sft") ? this : partnerChat, dpo = lab.equals("sft") ? partnerChat : this;
        String a = collect(sft, q, s, seed), b = collect(dpo, q, s, seed);
        for (String row : sideBySide("sft", a, "dpo", b, COMPARE_WIDTH)) out.line(row);
    }

    private static String collect(InstructChat chat, String q, ChatSettings s, long seed) {
        StringBuilder sb = new StringBuilder();
        int n = chat.answer(q, s.length(), s.sampling(), new Rng(seed), id -> {
            sb.append(chat.vocab.ch(id));
            return true;
        });
        if (n >= s.length()) sb.append(" [no end marker]");
        return sb.toString();
    }

    /** Two texts in columns of equal width separated by " | ", each wrapped at spaces (or hard where it must). */
    static List<String> sideBySide(String leftTitle, String left, String rightTitle, String right, int width) {
        int col = (width - 3) / 2;
        List<String> l = wrap(left, col), r = wrap(right, col);
        List<String> rows = new ArrayList<>();
        rows.add(pad(leftTitle, col) + " | " + rightTitle);
        rows.add("-".repeat(col) + "-+-" + "-".repeat(col));
        for (int i = 0; i < Math.max(l.size(), r.size()); i++) {
            String a = i < l.size() ? l.get(i) : "", b = i < r.size() ? r.get(i) : "";
            rows.add((pad(a, col) + " | " + b).stripTrailing());
        }
        return rows;
    }

    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            String rest = para;
            while (rest.length() > width) {
                int cut = rest.lastIndexOf(' ', width);
                if (cut <= 0) cut = width;
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut).stripLeading();
            }
            out.add(rest);
        }
        return out;
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }
}
