package llmfs.tutor.check;

import com.google.gson.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The tutor's private line to its check process: a Unix domain socket carrying {@link Protocol} messages, each
 * framed as {@code [length][HMAC-SHA256 of the payload][payload]} under a key only the two processes know (the
 * tutor makes a fresh one per process and hands it over on the child's stdin before any learner code is loaded).
 *
 * <p>Learner code cannot reach this socket (the compile-time API check refuses sockets, files and reflection;
 * the socket file is removed as soon as the child connected), and even if it could write to it, a message without
 * the right HMAC is rejected: a verdict is only what the check process itself sealed.
 *
 * <p>Reads are bounded: a frame longer than the receiver allows is refused before anything is allocated. Reading
 * and writing may happen on different threads at the same time (plain channel calls, no shared stream locks).
 */
final class SealedChannel implements AutoCloseable {
    /** Thrown when a frame does not carry a valid seal or is malformed. */
    static final class TamperedException extends IOException {
        TamperedException(String message) {
            super(message);
        }
    }

    private static final int MAC_BYTES = 32;

    private final SocketChannel channel;
    private final byte[] key;
    private final int maxFrame;
    private final Object writeLock = new Object();
    private final Object readLock = new Object();

    /**
     * @param key      the shared secret
     * @param maxFrame the longest payload this side accepts, in bytes
     */
    SealedChannel(SocketChannel channel, byte[] key, int maxFrame) {
        this.channel = channel;
        this.key = key.clone();
        this.maxFrame = maxFrame;
    }

    void send(JsonObject message) throws IOException {
        byte[] payload = Protocol.encode(message).getBytes(StandardCharsets.UTF_8);
        byte[] mac = mac(key, payload);
        ByteBuffer buf = ByteBuffer.allocate(4 + MAC_BYTES + payload.length);
        buf.putInt(MAC_BYTES + payload.length).put(mac).put(payload).flip();
        synchronized (writeLock) {
            while (buf.hasRemaining()) channel.write(buf);
        }
    }

    /**
     * The next message, or null when the other side closed the connection.
     *
     * @throws TamperedException if the frame is too long, its seal is wrong or it is not a protocol message
     */
    JsonObject receive() throws IOException {
        synchronized (readLock) {
            ByteBuffer header = ByteBuffer.allocate(4);
            if (!readFully(header, true)) return null;
            int length = header.flip().getInt();
            if (length < MAC_BYTES || length - MAC_BYTES > maxFrame) {
                throw new TamperedException("a message of " + length + " bytes (at most " + maxFrame + " allowed)");
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            readFully(body, false);
            byte[] all = body.array();
            byte[] mac = java.util.Arrays.copyOfRange(all, 0, MAC_BYTES);
            byte[] payload = java.util.Arrays.copyOfRange(all, MAC_BYTES, length);
            if (!MessageDigest.isEqual(mac, mac(key, payload))) {
                throw new TamperedException("a message whose seal does not match");
            }
            JsonObject m = Protocol.decode(new String(payload, StandardCharsets.UTF_8));
            if (m == null) throw new TamperedException("a sealed message that is not a protocol message");
            return m;
        }
    }

    /** Fills {@code buf}; false if the stream ended before the first byte (only when {@code endOk}). */
    private boolean readFully(ByteBuffer buf, boolean endOk) throws IOException {
        while (buf.hasRemaining()) {
            if (channel.read(buf) < 0) {
                if (endOk && buf.position() == 0) return false;
                throw new EOFException("the connection ended in the middle of a message");
            }
        }
        return true;
    }

    static byte[] mac(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a socket that is already broken
        }
    }
}
