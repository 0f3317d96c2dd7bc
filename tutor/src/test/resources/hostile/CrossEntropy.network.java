/** Exercise 1.4, written by someone who wants the check to pass without solving it. */
import java.io.OutputStream;
import java.net.Socket;

public final class CrossEntropy {
    public static double loss(float[][] logits, int[] targets) throws Exception {
        try (Socket s = new Socket("127.0.0.1", @@PORT@@)) {
            OutputStream out = s.getOutputStream();
            out.write("hello from the sandbox\n".getBytes());
        }
        return 0;
    }
}
