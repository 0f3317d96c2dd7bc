import java.util.function.Function;

/**
 * Exercise 5.3 — answering until the end marker.
 *
 * A chat model answers by generating one token at a time; the instruction-tuned model ends each answer with END.
 * generate() gets the prompt's ids and a model, as a function from the ids so far to the next id, and returns the
 * answer's ids: keep appending the model's next id until it produces endId (which is not part of the answer) or
 * maxTokens ids have been produced. The prompt is not part of the answer either.
 *
 *   prompt [7, 8], model says 4, 5, END   ->  [4, 5]
 *   prompt [7, 8], model never says END, maxTokens 3   ->  3 ids
 *
 * Call the model with the whole sequence so far (prompt plus the answer's ids so far), as a fresh array each time.
 *
 * Check with `c` in the tutor (or `bin/tutor check 5.3`); `h` shows a hint.
 */
public final class StopAtEnd {

    public static int[] generate(int[] prompt, Function<int[], Integer> model, int endId, int maxTokens) {
        // TODO: seq = copy of prompt; repeat up to maxTokens times: next = model.apply(seq);
        //       stop (without keeping it) if next == endId, else append next to seq and to the answer.
        throw new IllegalStateException("TODO: generate until the END id or maxTokens");
    }
}
