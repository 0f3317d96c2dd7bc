public class Add {
    public static int plus(int a, int b) {
        return a + b;
    }
}
