package llmfs.tui;

import java.io.Console;

/** Whether this process talks to a person at a terminal, the same way on every supported JDK. */
public final class Tty {
    private Tty() {}

    /**
     * Whether standard input and output are both a terminal. Before Java 22 a {@link Console} exists only then;
     * from 22 on it always exists (and may be a plain stream), and its {@code isTerminal()} says which.
     */
    public static boolean stdio() {
        Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
