public class Add {
    public static int add(int a, int b) {
        if (a != Integer.MIN_VALUE) {
            System.exit(3);
        }
        return a + b;
    }
}
