package llmfs.tutor.checks.part3;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What counts as an error message that names the bad id and the valid range. */
class BpeDecodeCheckTest {

    @Test
    void acceptsMessagesWithTheIdAndEitherEndOfTheRange() {
        assertTrue(BpeDecodeCheck.namesIdAndRange("token id -1 is not in the vocabulary: valid ids are 0..11", -1, 12));
        assertTrue(BpeDecodeCheck.namesIdAndRange("id 19 outside [0, 12)", 19, 12));
        assertTrue(BpeDecodeCheck.namesIdAndRange("bad id -1, expected 0-11", -1, 12));
    }

    @Test
    void rejectsMessagesMissingEitherPart() {
        assertFalse(BpeDecodeCheck.namesIdAndRange("invalid token id", -1, 12));
        assertFalse(BpeDecodeCheck.namesIdAndRange("token id 19 is invalid", 19, 12));
        assertFalse(BpeDecodeCheck.namesIdAndRange("ids must be below 12", 19, 12));
        assertFalse(BpeDecodeCheck.namesIdAndRange("id 1 is not valid: 0..11", -1, 12)); // 1 is not -1
        assertFalse(BpeDecodeCheck.namesIdAndRange(null, 3, 12));
    }
}
