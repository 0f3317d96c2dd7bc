import java.util.Arrays;
import java.util.function.Function;

/**
 * Exercise 5.3 — answering until the end marker — a known mistake (keeps-end).
 */
public final class StopAtEnd {

    public static int[] generate(int[] prompt, Function<int[], Integer> model, int endId, int maxTokens) {
        int[] seq = prompt.clone();
        int produced = 0;
        while (produced < maxTokens) {
            int next = model.apply(seq.clone());
            seq = Arrays.copyOf(seq, seq.length + 1);
            seq[seq.length - 1] = next;
            produced++;
            if (next == endId) break;
        }
        return Arrays.copyOfRange(seq, prompt.length, seq.length);
    }
}
