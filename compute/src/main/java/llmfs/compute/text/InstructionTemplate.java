package llmfs.compute.text;

/**
 * The one prompt template of Parts 5–7, in one place so training, evaluation, the chat and the exercises agree:
 *
 * <pre>
 * ### Instruction:
 * {instruction}
 *
 * ### Response:
 * {response}END
 * </pre>
 *
 * where END is {@link CourseVocab#END}, a single token (the original course spelled it as the 13 characters
 * {@code <|endoftext|>}, which a character model must learn to spell before it can stop).
 */
public final class InstructionTemplate {
    private InstructionTemplate() {}

    public static final String INSTRUCTION_HEADER = "### Instruction:\n";
    public static final String RESPONSE_HEADER = "\n\n### Response:\n";

    /** What the model is given to answer {@code instruction}: everything up to where the response starts. */
    public static String prompt(String instruction) {
        return INSTRUCTION_HEADER + instruction + RESPONSE_HEADER;
    }

    /** A whole training example: the prompt, the response, then the end marker. */
    public static String format(String instruction, String response) {
        return prompt(instruction) + response + CourseVocab.END;
    }

    /**
     * The answer in generated text (the text after the prompt): everything before the first end marker, or all of
     * it if the model never stopped.
     */
    public static String answer(String generated) {
        int end = generated.indexOf(CourseVocab.END);
        return end < 0 ? generated : generated.substring(0, end);
    }
}
