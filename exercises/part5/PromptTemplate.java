/**
 * Exercise 5.1 — the prompt template.
 *
 * Every instruction example is written in one exact shape, so the model can tell the question from the answer and
 * learn where an answer ends:
 *
 *   ### Instruction:
 *   What is 2 + 2?
 *
 *   ### Response:
 *   2 + 2 = 4.<END>
 *
 * i.e. "### Instruction:\n" + instruction + "\n\n### Response:\n" + response + END, where END is the single
 * end-of-text character '\u0003' (one token in the course vocabulary). prompt(instruction) is the same text up to
 * and including "### Response:\n": what the model is given when it has to answer.
 *
 * Check with `c` in the tutor (or `bin/tutor check 5.1`); `h` shows a hint.
 */
public final class PromptTemplate {

    public static final char END = '\u0003';

    /** Everything before the response: the text the model continues. */
    public static String prompt(String instruction) {
        // TODO: "### Instruction:\n" + instruction + "\n\n### Response:\n"
        throw new IllegalStateException("TODO: build the prompt that precedes a response");
    }

    /** A whole training example: the prompt, the response and the end marker. */
    public static String format(String instruction, String response) {
        // TODO: the prompt, then the response, then END
        throw new IllegalStateException("TODO: format a full example ending with the END marker");
    }
}
