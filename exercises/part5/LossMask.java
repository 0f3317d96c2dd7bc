/**
 * Exercise 5.2 — the loss mask: learn the answers, not the questions.
 *
 * A formatted example is a row of token ids: the prompt's promptLength ids, then the response and END. As in any
 * language model, input position i is trained to predict ids[i + 1], so there are ids.length - 1 targets.
 * Instruction tuning should only be graded on the answer: a target counts when the token it predicts belongs to
 * the response, that is when i + 1 >= promptLength. Every other target is IGNORE (-1), which the loss skips.
 *
 *   ids          = [ P0, P1, P2, R0, R1, END ]      promptLength = 3
 *   targets(...) = [ -1, -1, R0, R1, END ]          (position 2, the prompt's last token, predicts R0)
 *
 * Check with `c` in the tutor (or `bin/tutor check 5.2`); `h` shows a hint.
 */
public final class LossMask {

    public static final int IGNORE = -1;

    public static int[] targets(int[] ids, int promptLength) {
        // TODO: an array of ids.length - 1 targets; position i holds ids[i + 1] when i + 1 >= promptLength,
        //       IGNORE otherwise.
        throw new IllegalStateException("TODO: shift the ids by one and mask the prompt's targets");
    }
}
