public class Add {
    public static int add(int a, int b) {
        int sum = a + b
        return sum;
    }
}
