public class Add {
    public static int add(int a, int b) {
        Runtime.getRuntime().halt(7);
        return a + b;
    }
}
