public class Add {
    public static int add(int a, int b) {
        int[] both = {a, b, 0, 0, 0};
        int sum = 0;
        for (int i = 0; i <= both.length; i++) {
            sum += both[i];
        }
        return sum;
    }
}
