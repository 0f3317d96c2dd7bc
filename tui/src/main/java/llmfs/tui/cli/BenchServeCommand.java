package llmfs.tui.cli;

import llmfs.tui.serve.ServeBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code tutor bench serve}: a class under load, over SSH on this machine. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = {
        "Load-test 'tutor serve': start a class server on 127.0.0.1 with N learners, connect them all over SSH,",
        "let each check exercise 1.1 (half right, half with a known mistake) and press keys for the given time.",
        "Prints keystroke-to-screen latency (p50, p99) and how many verdicts were right. Exit 1 if any was wrong."})
public final class BenchServeCommand implements Callable<Integer> {
    @Option(names = "--sessions", paramLabel = "N", defaultValue = "30", description = "Learners at once (default 30)")
    int sessions;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "120", description = "How long they type (default 120)")
    int seconds;

    @Override
    public Integer call() throws Exception {
        if (sessions < 1 || seconds < 1) throw new IllegalArgumentException("--sessions and --seconds must be at least 1");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        Path dir = Files.createTempDirectory("tutor-bench-class");
        try {
            ServeBench.Result r = new ServeBench(dir, sessions, seconds * 1000L, out).run();
            ServeBench.print(r, out);
            return r.allRight() ? 0 : 1;
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
