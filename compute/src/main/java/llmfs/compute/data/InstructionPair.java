package llmfs.compute.data;

/**
 * One supervised fine-tuning example of {@code corpora/instructions.jsonl}: a question, the answer the model should
 * give, its category (capitals, arithmetic, definitions, programming, ml) and whether it is trained on or held out.
 */
public record InstructionPair(String id, String category, String instruction, String response, boolean heldOut) {}
