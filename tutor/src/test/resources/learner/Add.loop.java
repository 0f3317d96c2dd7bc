public class Add {
    public static int add(int a, int b) {
        int sum = a;
        int i = 0;
        while (i < b || b <= b) {
            sum++;
        }
        return sum;
    }
}
