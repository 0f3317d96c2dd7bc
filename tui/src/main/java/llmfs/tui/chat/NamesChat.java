package llmfs.tui.chat;

import llmfs.compute.Rng;
import llmfs.compute.nn.CharMlp;
import llmfs.compute.sample.MlpSampler;
import llmfs.compute.sample.Sampler;
import llmfs.compute.text.CharVocab;
import llmfs.compute.train.NamesTraining;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Part 1's names model in a chat: Enter on an empty line invents fresh names; typed letters become the start of
 * every name (they go through the model's context first, then it samples the rest).
 */
public final class NamesChat implements ChatModel {
    /** Longest a sampled ending may run, as in the course's sampler. */
    static final int MAX_SAMPLED = 15;

    private final CharMlp model;
    private final CharVocab vocab;
    private final String description;

    /**
     * @param model       a trained names model
     * @param vocab       its vocabulary ({@link CharVocab#MARKER} at id 0)
     * @param description the header line
     */
    public NamesChat(CharMlp model, CharVocab vocab, String description) {
        this.model = model;
        this.vocab = vocab;
        this.description = description;
    }

    @Override
    public String lab() {
        return "names";
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String usage() {
        return "Enter on an empty line: fresh names. Type a few letters: names that start with them.";
    }

    @Override
    public void reply(String line, ChatSettings s, ChatOutput out) {
        String prefix = prefix(line.strip());
        for (int i = 0; i < s.names(); i++) {
            if (out.stopRequested()) {
                out.note("(stopped)");
                return;
            }
            String name = prefix.isEmpty()
                    ? NamesTraining.generate(model, vocab, 1, s.temperature(), s.rng()).get(0)
                    : startingWith(prefix, s.sampling(), s.rng());
            out.line(name.isEmpty() ? "(an empty name: the model ended it straight away)" : name);
        }
    }

    /**
     * The typed letters in the model's alphabet: capitals fold to small letters when the model only knows those.
     *
     * @throws IllegalArgumentException naming every character the model has never seen
     */
    String prefix(String typed) {
        StringBuilder sb = new StringBuilder();
        Set<String> missing = new LinkedHashSet<>();
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (known(c)) {
                sb.append(c);
            } else if (known(Character.toLowerCase(c))) {
                sb.append(Character.toLowerCase(c));
            } else {
                missing.add(c == ' ' ? "space" : "'" + c + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the names model has never seen " + String.join(", ", missing)
                    + "; it knows only " + vocab.chars().substring(1));
        }
        return sb.toString();
    }

    private boolean known(char c) {
        return c != CharVocab.MARKER && vocab.contains(c);
    }

    /** The prefix, then characters sampled one at a time until the end marker (id 0) comes up. */
    private String startingWith(String prefix, Sampler.Settings s, Rng rng) {
        int[] ctx = new int[model.block]; // all end markers: the start of a name
        for (int id : vocab.encode(prefix)) MlpSampler.slide(ctx, id);
        StringBuilder name = new StringBuilder(prefix);
        for (int n = 0; n < MAX_SAMPLED; n++) {
            int next = MlpSampler.continueFrom(model, ctx, 1, s, rng)[0];
            if (next == 0) break;
            name.append(vocab.ch(next));
            MlpSampler.slide(ctx, next);
        }
        return name.toString();
    }
}
