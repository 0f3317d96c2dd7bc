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
        int end = stoi.get('.');
        for (String name : names) {
            int[] context = new int[blockSize];
            java.util.Arrays.fill(context, end);
            String withEnd = name + ".";
            for (char c : withEnd.toCharArray()) {
                int target = stoi.get(c);
                int[] row = new int[blockSize + 1];
                System.arraycopy(context, 0, row, 0, blockSize);
                row[blockSize] = target;
                out.add(row);
                // slide: drop the oldest id, append the target
                System.arraycopy(context, 0, context, 1, blockSize - 1);
                context[0] = target;
            }
        }
        return out.toArray(new int[0][]);
    }
}
