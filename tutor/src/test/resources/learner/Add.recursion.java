public class Add {
    public static int add(int a, int b) {
        return countUp(a, b);
    }

    static int countUp(int a, int b) {
        return 1 + countUp(a, b);
    }
}
