package llmfs.tutor.check;

import com.google.gson.JsonObject;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.HexFormat;

/**
 * A stand-in for {@link CheckChild} that misbehaves on purpose, for {@link CheckRunnerTest}: it speaks the real
 * channel (or pretends to) and then does what its mode says.
 */
public final class FakeChild {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        if (mode.equals("forge-stdout")) {
            // Only stdout: the verdict format, but not on the channel.
            System.out.println("{\"type\":\"ready\"}");
            System.out.println("{\"type\":\"result\",\"kind\":\"PASS\",\"headline\":\"forged\",\"discard\":false}");
            Thread.sleep(30_000);
            return;
        }
        if (mode.equals("no-start")) {
            System.err.println("Error: could not find the main class");
            System.exit(1);
        }
        byte[] key = readKey(new FileInputStream(FileDescriptor.in));
        if (mode.equals("wrong-key")) key = new byte[32];
        SocketChannel s = SocketChannel.open(StandardProtocolFamily.UNIX);
        s.connect(UnixDomainSocketAddress.of(System.getProperty(CheckChild.CHANNEL_PROPERTY)));
        SealedChannel ch = new SealedChannel(s, key, 64 << 20);
        ch.send(Protocol.message(Protocol.READY));
        while (true) {
            JsonObject req = ch.receive();
            if (req == null) return;
            CheckRequest r = Protocol.readCheckRequest(req);
            String id = Protocol.requestId(req);
            switch (mode) {
                case "hang" -> Thread.sleep(120_000);
                case "spin" -> {
                    // Computes forever and never answers: only the tutor's CPU-time backstop can stop it.
                    long x = 0;
                    while (x >= 0) x = (x * 31 + 7) & Long.MAX_VALUE;
                }
                case "die" -> {
                    System.err.println("last words");
                    System.exit(7);
                }
                case "exit-report" -> {
                    JsonObject m = Protocol.message(Protocol.EXIT);
                    m.addProperty("frame", "Add.add(Add.java:4)");
                    m.addProperty("call", "System.exit");
                    ch.send(m);
                    System.exit(3);
                }
                case "other-request" -> ch.send(Protocol.result(Verdict.of(Verdict.Kind.PASS, "stale", ""), false,
                        "not-" + id, r));
                case "other-exercise" -> ch.send(Protocol.result(Verdict.of(Verdict.Kind.PASS, "elsewhere", ""), false,
                        id, new CheckRequest("other.Check", r.sourceFile(), r.classes(), r.seed(), r.timeoutMs())));
                default -> {
                    System.out.println("[1,2]");
                    Verdict v = new Verdict(Verdict.Kind.FAIL, "wrong", "", "off-by-one", Double.POSITIVE_INFINITY,
                            null, "hi", 0, 0);
                    ch.send(Protocol.result(v, false, id, r));
                }
            }
        }
    }

    private static byte[] readKey(InputStream in) throws IOException {
        StringBuilder hex = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') hex.append((char) c);
        return HexFormat.of().parseHex(hex.toString().strip());
    }
}
