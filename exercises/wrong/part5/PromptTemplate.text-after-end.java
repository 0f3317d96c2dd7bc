/**
 * Exercise 5.1 — the prompt template — a known mistake (text-after-end).
 */
public final class PromptTemplate {

    public static final char END = '\u0003';

    public static String prompt(String instruction) {
        return "### Instruction:\n" + instruction + "\n\n### Response:\n";
    }

    public static String format(String instruction, String response) {
        return prompt(instruction) + response + END + "\n\n";
    }
}
