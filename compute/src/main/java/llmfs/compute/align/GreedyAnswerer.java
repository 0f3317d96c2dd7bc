package llmfs.compute.align;

import llmfs.compute.Rng;
import llmfs.compute.nn.Gpt;
import llmfs.compute.sample.GptSampler;
import llmfs.compute.sample.Sampler;
import llmfs.compute.text.CharVocab;
import llmfs.compute.text.CourseVocab;
import llmfs.compute.text.InstructionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers instructions with the most likely next token each time (greedy, so an evaluation is repeatable), stopping
 * at the end marker. Uses the KV-cache {@link GptSampler}: each answer token costs one token's work, not a pass over
 * the whole prompt again.
 */
public final class GreedyAnswerer {
    private final Gpt model;
    private final CharVocab vocab;
    private final int maxTokens;

    public GreedyAnswerer(Gpt model, CharVocab vocab, int maxTokens) {
        this.model = model;
        this.vocab = vocab;
        this.maxTokens = maxTokens;
    }

    /** The answers (text before the end marker) in the order of {@code instructions}. */
    public List<String> answer(List<String> instructions) {
        GptSampler sampler = new GptSampler(model); // copies the weights as they are now
        Sampler.Settings greedy = Sampler.Settings.temperature(0f);
        Rng unused = new Rng(0); // temperature 0 never draws
        List<String> out = new ArrayList<>();
        for (String q : instructions) {
            int[] prompt = vocab.encode(InstructionTemplate.prompt(q));
            int room = Math.max(1, Math.min(maxTokens, model.cfg.context() - prompt.length + 1));
            StringBuilder sb = new StringBuilder();
            sampler.generate(prompt, room, greedy, unused, CourseVocab.endId(), id -> {
                sb.append(vocab.ch(id));
                return true;
            });
            out.add(sb.toString());
        }
        return out;
    }
}
