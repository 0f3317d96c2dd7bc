public class Add {
    public static int add(int a, int b) {
        Thread forever = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    // keep going
                }
                System.out.println("still here");
            }
        }, "learner-forever");
        forever.setDaemon(false);
        if (!forever.isAlive()) {
            forever.start();
        }
        return a + b;
    }
}
