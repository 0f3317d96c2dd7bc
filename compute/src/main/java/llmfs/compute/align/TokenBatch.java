package llmfs.compute.align;

import llmfs.compute.text.CharVocab;
import llmfs.compute.text.InstructionTemplate;

import java.util.List;

/**
 * A padded batch of formatted (prompt, response) examples: inputs {@code [batch, length]} and targets with the
 * prompt and the padding set to {@link ResponseMask#IGNORE}. Padding is only ever at the end and never counted, so
 * neither the loss nor a sequence log-probability sees it (the original DPO summed over its padding).
 */
public record TokenBatch(int[] inputs, int[] targets, int batch, int length) {

    /** One (prompt, response) pair as text; the template is applied here. */
    public record Example(String instruction, String response) {}

    public static TokenBatch of(List<Example> examples, CharVocab vocab, int context) {
        int longest = 0;
        int[][] ids = new int[examples.size()][];
        int[] promptLen = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            Example e = examples.get(i);
            String prompt = InstructionTemplate.prompt(e.instruction());
            ids[i] = vocab.encode(InstructionTemplate.format(e.instruction(), e.response()));
            promptLen[i] = prompt.length();
            if (ids[i].length - 1 > context) {
                throw new IllegalArgumentException("example '" + e.instruction() + "' is " + ids[i].length
                        + " tokens long, more than the model's context of " + context + " (+1)");
            }
            longest = Math.max(longest, ids[i].length - 1);
        }
        int[] in = new int[ids.length * longest];
        int[] tg = new int[ids.length * longest];
        java.util.Arrays.fill(tg, ResponseMask.IGNORE);
        for (int i = 0; i < ids.length; i++) {
            int[] t = ResponseMask.targets(ids[i], promptLen[i]);
            System.arraycopy(ids[i], 0, in, i * longest, ids[i].length - 1);
            System.arraycopy(t, 0, tg, i * longest, t.length);
        }
        return new TokenBatch(in, tg, ids.length, longest);
    }

    /** How many targets count (response tokens, end markers included). */
    public int counted() {
        int n = 0;
        for (int t : targets) if (t != ResponseMask.IGNORE) n++;
        return n;
    }
}
