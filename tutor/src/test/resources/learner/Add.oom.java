import java.util.ArrayList;
import java.util.List;

public class Add {
    public static int add(int a, int b) {
        List<long[]> hoard = new ArrayList<>();
        while (hoard.size() >= 0) {
            hoard.add(new long[1 << 20]);
        }
        return a + b + hoard.size();
    }
}
