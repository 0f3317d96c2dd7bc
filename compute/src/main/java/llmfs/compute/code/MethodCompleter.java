package llmfs.compute.code;

import llmfs.compute.Rng;

import java.util.function.Consumer;

/**
 * A code model seen from the test bench and the chat: given a method's Javadoc and signature up to its opening brace,
 * it writes the rest and stops at the method's closing brace ({@link MethodEnd}) or when its budget runs out.
 */
@FunctionalInterface
public interface MethodCompleter {
    /**
     * Continues {@code prompt}.
     *
     * @param prompt Javadoc and signature, ending after the opening brace
     * @param rng    the only source of randomness, so a seed repeats a run
     * @param onText receives each new piece of text as it is generated (for streaming); may be a no-op
     * @return the generated text, cut right after the method's closing brace when it closed
     */
    String complete(String prompt, Rng rng, Consumer<String> onText);
}
