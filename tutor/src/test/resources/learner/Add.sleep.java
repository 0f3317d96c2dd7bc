public class Add {
    public static int add(int a, int b) {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                return a + b;
            }
        }
    }
}
