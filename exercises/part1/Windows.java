import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Exercise 1.2 — sliding windows.
 *
 * Each name becomes several training examples. The context starts as blockSize '.' markers; for every character
 * of the name, and then for the final '.', we record (context -> that character) and slide the window one step.
 * For "raj" with blockSize 5 the rows are:  ..... -> r,  ....r -> a,  ...ra -> j,  ..raj -> .
 */
public final class Windows {

    /**
     * One row per example: the blockSize context ids followed by the target id (so each row has blockSize + 1
     * numbers). Names are processed in the order given.
     */
    public static int[][] rows(List<String> names, Map<Character, Integer> stoi, int blockSize) {
        List<int[]> out = new ArrayList<>();
        // TODO: for each name:
        //   - start with a context of blockSize copies of the id of '.'
        //   - for each character of name + "." :
        //       add a row: the context ids, then the character's id as the target
        //       slide the context: drop its first id, append the target id
        throw new IllegalStateException("TODO: build the (context, target) rows");
    }
}
