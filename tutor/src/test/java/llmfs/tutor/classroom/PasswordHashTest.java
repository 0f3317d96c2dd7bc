package llmfs.tutor.classroom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHashTest {
    @Test
    void theRightPasswordMatchesAndOthersDoNot() {
        String stored = PasswordHash.hash("correct horse".toCharArray());
        assertTrue(stored.startsWith("pbkdf2-sha256$"), stored);
        assertFalse(stored.contains("correct horse"));
        assertTrue(PasswordHash.matches("correct horse".toCharArray(), stored));
        assertFalse(PasswordHash.matches("correct horsE".toCharArray(), stored));
        assertFalse(PasswordHash.matches("".toCharArray(), stored));
    }

    @Test
    void theSaltMakesEveryHashDifferent() {
        assertNotEquals(PasswordHash.hash("same-password".toCharArray()), PasswordHash.hash("same-password".toCharArray()));
    }

    @Test
    void malformedLinesNeverMatch() {
        for (String bad : new String[]{"", "plain-text-password", "pbkdf2-sha256$x$y$z", "md5$1$AA==$AA==",
                "pbkdf2-sha256$0$AA==$AA==", "pbkdf2-sha256$1000$not base64$AA=="}) {
            assertFalse(PasswordHash.matches("plain-text-password".toCharArray(), bad), bad);
        }
    }
}
