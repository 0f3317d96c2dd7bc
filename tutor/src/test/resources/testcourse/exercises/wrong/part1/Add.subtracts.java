public class Add {
    /** Returns a + b. */
    public static int add(int a, int b) {
        return a - b;
    }
}
