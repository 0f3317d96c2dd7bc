package llmfs.tutor.check;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The sealed channel over a real Unix domain socket: what it accepts, and everything it must not. */
class SealedChannelTest {
    @TempDir
    Path tmp;
    private SocketChannel a;
    private SocketChannel b;
    private final byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @BeforeEach
    void connect() throws IOException {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(tmp.resolve("s.sock"));
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(address);
            a = SocketChannel.open(address);
            b = server.accept();
        }
    }

    @AfterEach
    void close() throws IOException {
        a.close();
        b.close();
    }

    private static JsonObject result(String headline) {
        JsonObject m = Protocol.message(Protocol.RESULT);
        m.addProperty("headline", headline);
        return m;
    }

    @Test
    void aSealedMessageArrivesIntactAndTheEndIsNull() throws IOException {
        new SealedChannel(a, key, 1000).send(result("fine"));
        SealedChannel receiver = new SealedChannel(b, key, 1000);
        assertEquals("fine", receiver.receive().get("headline").getAsString());
        a.close();
        assertNull(receiver.receive());
    }

    @Test
    void aMessageSealedWithAnotherKeyIsRejected() throws IOException {
        new SealedChannel(a, new byte[32], 1000).send(result("forged"));
        assertThrows(SealedChannel.TamperedException.class, () -> new SealedChannel(b, key, 1000).receive());
    }

    @Test
    void aChangedByteIsRejected() throws IOException {
        byte[] payload = Protocol.encode(result("fail")).getBytes(StandardCharsets.UTF_8);
        byte[] mac = SealedChannel.mac(key, payload);
        payload[payload.length - 3] ^= 1;
        ByteBuffer frame = ByteBuffer.allocate(4 + 32 + payload.length);
        frame.putInt(32 + payload.length).put(mac).put(payload).flip();
        a.write(frame);
        assertThrows(SealedChannel.TamperedException.class, () -> new SealedChannel(b, key, 1000).receive());
    }

    @Test
    void anOversizedFrameIsRefusedBeforeItIsRead() throws IOException {
        a.write(ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).flip());
        SealedChannel.TamperedException e = assertThrows(SealedChannel.TamperedException.class,
                () -> new SealedChannel(b, key, 1000).receive());
        assertEquals("a message of 2147483647 bytes (at most 1000 allowed)", e.getMessage());
    }
}
