package llmfs.compute.data;

/**
 * One preference example of {@code corpora/preferences.jsonl}: a prompt, the answer people preferred (chosen), the
 * one they did not (rejected), what is wrong with the rejected one ({@code flaw}) and whether it is held out.
 */
public record PreferenceTriplet(String id, String flaw, String prompt, String chosen, String rejected,
                                boolean heldOut) {}
