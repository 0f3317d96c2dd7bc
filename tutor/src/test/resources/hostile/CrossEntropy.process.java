/** Exercise 1.4, written by someone who wants the check to pass without solving it. */
public final class CrossEntropy {
    public static double loss(float[][] logits, int[] targets) throws Exception {
        // A process that would outlive the check (in the background, in its own session).
        new ProcessBuilder("/bin/sh", "-c", "setsid sleep @@MARKER@@ >/dev/null 2>&1 &").start().waitFor();
        return 0;
    }
}
