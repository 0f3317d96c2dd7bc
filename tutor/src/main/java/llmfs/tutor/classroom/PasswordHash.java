package llmfs.tutor.classroom;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Passwords stored as PBKDF2-HMAC-SHA256 hashes with a random salt, one line:
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt and hash in Base64). The password itself is never stored.
 */
public final class PasswordHash {
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int ITERATIONS = 120_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {}

    /** A new hash of {@code password} with a fresh salt. */
    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, ITERATIONS));
    }

    /** Whether {@code password} matches {@code stored}; false (never an exception) for a malformed line. */
    public static boolean matches(char[] password, String stored) {
        String[] f = stored.trim().split("\\$");
        if (f.length != 4 || !f[0].equals(SCHEME)) return false;
        try {
            int iterations = Integer.parseInt(f[1]);
            if (iterations < 1 || iterations > 10_000_000) return false;
            byte[] salt = Base64.getDecoder().decode(f[2]);
            byte[] expected = Base64.getDecoder().decode(f[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations)); // constant time
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no PBKDF2WithHmacSHA256: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
    }
}
